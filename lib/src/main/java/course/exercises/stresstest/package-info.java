/** Exercise 14-debugging-and-testing: a stress test ({@link course.exercises.stresstest.CounterTest}) graded on hidden counters. */
package course.exercises.stresstest;
