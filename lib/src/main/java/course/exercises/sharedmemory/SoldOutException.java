package course.exercises.sharedmemory;

/** Thrown by {@link TicketRoll#take()} when every ticket of the roll has been taken. */
public class SoldOutException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A roll of {@code capacity} tickets has none left. */
    public SoldOutException(long capacity) {
        super("all " + capacity + " tickets have been taken");
    }
}
