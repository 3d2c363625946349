/** Exercise 08-producers-and-consumers: a {@link course.exercises.pipeline.Pipeline} that ends cleanly. */
package course.exercises.pipeline;
