package course.exercises.buffer;

/**
 * A first-in first-out buffer of fixed capacity shared by producer and consumer threads: {@code put}
 * waits while it is full, {@code take} waits while it is empty. The implementing class has a
 * constructor taking the capacity, {@code new MyBuffer<>(4)}.
 *
 * @param <T> the item type
 */
public interface BoundedBuffer<T> {
    /** Adds {@code item} at the tail, waiting while the buffer is full. */
    void put(T item) throws InterruptedException;

    /** Removes and returns the head, waiting while the buffer is empty. */
    T take() throws InterruptedException;

    /** The number of items in the buffer now. */
    int size();
}
