package course.grading;

import org.opentest4j.TestAbortedException;

/**
 * A test's verdict "inconclusive on this machine": the test could not establish the concurrency
 * it needs (its own probe threads never overlapped, the machine was too busy to interleave), so it
 * neither passes nor fails. The report says so, and the test's points count neither way: they are
 * left out of the possible points until a run on a better machine settles them.
 *
 * <pre>{@code
 * Inconclusive.unless(overlaps > 0, "the %d probe threads never ran at the same time", threads);
 * }</pre>
 *
 * Use it only for what the test itself could not arrange, never for what the student's code did:
 * a sequential solution that never overlaps must fail, not be inconclusive.
 */
public final class Inconclusive extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    /** The prefix every inconclusive message starts with. */
    public static final String PREFIX = "inconclusive on this machine: ";

    private Inconclusive(String message) {
        super(PREFIX + message);
    }

    /** Ends the test as inconclusive with the formatted reason. */
    public static Inconclusive because(String format, Object... args) {
        return new Inconclusive(format.formatted(args));
    }

    /** Ends the test as inconclusive with the formatted reason unless {@code established}. */
    public static void unless(boolean established, String format, Object... args) {
        if (!established) {
            throw because(format, args);
        }
    }
}
