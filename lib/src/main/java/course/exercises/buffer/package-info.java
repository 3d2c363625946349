/** Exercise 07-bounded-buffer: a {@link course.exercises.buffer.BoundedBuffer} shared by producers and consumers. */
package course.exercises.buffer;
