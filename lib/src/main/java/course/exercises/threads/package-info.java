/** Exercise 01-threads: a thread-safe {@link course.exercises.threads.Counter} and a {@link course.exercises.threads.ParallelSum} over platform threads. */
package course.exercises.threads;
