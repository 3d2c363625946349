/**
 * Exercise 06-pools-in-depth: a {@link course.exercises.executors.ServicePool}, a bounded pool configured
 * for a service (named threads, a bounded queue with back-pressure, reported failures, per-task context
 * that never leaks, a shutdown that reports what did not run, no thread-starvation deadlock).
 */
package course.exercises.executors;
