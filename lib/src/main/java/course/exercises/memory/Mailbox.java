package course.exercises.memory;

/**
 * A one-message handoff between two threads without locks and without {@code volatile} fields:
 * its ordering comes from a {@link java.lang.invoke.VarHandle} in release/acquire mode. The
 * implementing class has a constructor without parameters.
 *
 * <p>One thread fills an array and calls {@link #send} once; another thread calls {@link #poll()}
 * in a loop. {@code poll} returns null until the message is there, then the array, with every
 * element the sender wrote before {@code send}.
 */
public interface Mailbox {

    /** Hands {@code message} over; called once, by one thread. */
    void send(int[] message);

    /** The message, or null while none was sent; never a message whose elements are not all visible. */
    int[] poll();
}
