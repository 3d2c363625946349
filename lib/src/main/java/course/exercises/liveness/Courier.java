package course.exercises.liveness;

/**
 * The warehouse's courier, a slow outside service (each call takes about a millisecond, like a
 * request over the network). Both calls are idempotent: calling again for the same order changes
 * nothing, and calling for an order that is not open is harmless. They may be called from many
 * threads at once, and need no lock of the warehouse.
 */
public interface Courier {

    /** Books a delivery for order {@code id}. */
    void book(int id) throws InterruptedException;

    /** Books the pick-up of cancelled order {@code id}. */
    void collect(int id) throws InterruptedException;
}
