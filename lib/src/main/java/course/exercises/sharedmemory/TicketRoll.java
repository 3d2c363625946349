package course.exercises.sharedmemory;

import java.io.IOException;

/**
 * A roll of numbered tickets kept in a file, shared by every process (and every thread) that opens
 * the same file: {@link #take()} hands out 0, 1, 2, ... and each number exactly once, across all of
 * them, until {@code capacity} tickets have been taken. A new roll is an empty file (0 bytes); what
 * the file holds after that is up to the implementation.
 *
 * <p>An implementation is a public class with a public constructor {@code (Path file, long capacity)}.
 * It runs in worker JVMs, which cannot load a class defined in a notebook cell: hand it to the
 * grader as Java source through a {@link RollSource}. One object may be used by several threads of
 * its process at once.
 */
public interface TicketRoll extends AutoCloseable {

    /**
     * Takes the next ticket and returns its number.
     *
     * @throws SoldOutException when {@code capacity} tickets have been taken (by any process); the
     *                          roll stays usable, and every later {@code take} throws it too
     */
    long take() throws IOException, SoldOutException;

    /** How many tickets have been taken from the file so far, by all processes. */
    long taken() throws IOException;

    /** Closes the file; the tickets taken stay taken. */
    @Override
    void close() throws IOException;
}
