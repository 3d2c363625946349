/** Exercise 13-virtual-threads: a {@link course.exercises.vthreads.BoundedRunner} that runs blocking tasks on virtual threads, at most K at once. */
package course.exercises.vthreads;
