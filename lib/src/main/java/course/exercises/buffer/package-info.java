/** Exercise 05-producer-consumer: a {@link course.exercises.buffer.BoundedBuffer} shared by producers and consumers. */
package course.exercises.buffer;
