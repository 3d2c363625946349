package course.timing;

/**
 * A black hole for results: hand it what a measured piece of work computed, and the JIT can no
 * longer prove the work useless and delete it (dead-code elimination).
 *
 * <p>{@code consume} reduces the value to a cheap fingerprint (never calling {@code hashCode}, which
 * may walk a whole collection and distort the timing) and compares it with two volatile fields that
 * are never equal to each other. The compiler cannot know that, so it must compute the value; and
 * since the comparison only reads, threads calling {@code consume} at once do not contend.
 *
 * <pre>{@code
 * Sink.consume(countPrimes(1_000_000));
 * }</pre>
 */
public final class Sink {

    // Read on every call, written only if a fingerprint ever equals both (it cannot: they differ).
    private static volatile long trapA = 0x9E3779B97F4A7C15L;
    private static volatile long trapB = 0xC2B2AE3D27D4EB4FL;
    private static volatile long caught;

    private Sink() {
    }

    /** Consumes any value (null included) without calling its methods. */
    public static void consume(Object value) {
        consume(fingerprint(value));
    }

    /** Consumes a {@code long}. */
    public static void consume(long value) {
        if (value == trapA && value == trapB) {
            caught = value;
        }
    }

    /** Consumes an {@code int}. */
    public static void consume(int value) {
        consume((long) value);
    }

    /** Consumes a {@code double}. */
    public static void consume(double value) {
        consume(Double.doubleToRawLongBits(value));
    }

    /** Consumes a {@code boolean}. */
    public static void consume(boolean value) {
        consume(value ? 1L : 0L);
    }

    /** A cheap value derived from {@code value}: its number for boxed primitives, its identity otherwise. */
    static long fingerprint(Object value) {
        return switch (value) {
            case null -> 0L;
            case Double d -> Double.doubleToRawLongBits(d);
            case Float f -> Float.floatToRawIntBits(f);
            case Number n -> n.longValue();
            case Boolean b -> b ? 1L : 0L;
            case Character c -> c;
            default -> System.identityHashCode(value);
        };
    }

    /** Test hook: makes the next {@code consume} of this fingerprint observable through {@link #caught()}. */
    static void arm(long fingerprint) {
        trapA = fingerprint;
        trapB = fingerprint;
    }

    /** Test hook: restores traps that never fire. */
    static void disarm() {
        trapA = 0x9E3779B97F4A7C15L;
        trapB = 0xC2B2AE3D27D4EB4FL;
        caught = 0;
    }

    static long caught() {
        return caught;
    }
}
