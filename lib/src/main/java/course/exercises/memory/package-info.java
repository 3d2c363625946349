/**
 * Exercise 03-memory-model: a {@link course.exercises.memory.StopFlag} another thread sees, a
 * {@link course.exercises.memory.Board} that publishes immutable {@link course.exercises.memory.Snapshot}s
 * safely, a lazily created {@link course.exercises.memory.Service} built once
 * ({@link course.exercises.memory.Singleton}), and a release/acquire {@link course.exercises.memory.Mailbox}.
 */
package course.exercises.memory;
