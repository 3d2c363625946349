/**
 * Exercise 15-choosing: predict, choose, measure, explain. A {@link course.exercises.choosing.Predictor}
 * (Amdahl's law, waits in waves), a {@link course.exercises.choosing.Chooser} of a concurrency
 * {@link course.exercises.choosing.Model} for a {@link course.exercises.choosing.Workload}, a
 * {@link course.exercises.choosing.Meter} that times an {@link course.exercises.choosing.IoJob}, and an
 * {@link course.exercises.choosing.Explainer} that names the {@link course.exercises.choosing.Cause} of the gap
 * between a predicted and a measured speedup on this machine.
 */
package course.exercises.choosing;
