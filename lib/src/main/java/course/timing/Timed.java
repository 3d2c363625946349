package course.timing;

import java.time.Duration;

/**
 * The result of timing one piece of work once, with {@link Stopwatch#time}.
 *
 * @param value what the work returned (null for a {@code Runnable})
 * @param wall  elapsed wall-clock time
 * @param cpu   CPU time used meanwhile by the whole process (all threads); negative if unknown.
 *              {@code cpu} well above {@code wall} means several cores were busy.
 * @param <T>   the type of the value
 */
public record Timed<T>(T value, Duration wall, Duration cpu) {

    /** Wall time in milliseconds. */
    public double wallMillis() {
        return wall.toNanos() / 1e6;
    }

    /** CPU time in milliseconds, or NaN if unknown. */
    public double cpuMillis() {
        return cpu.isNegative() ? Double.NaN : cpu.toNanos() / 1e6;
    }

    /** CPU time over wall time: about how many cores were busy on average (NaN if unknown). */
    public double coresBusy() {
        return wall.isZero() ? Double.NaN : cpuMillis() / wallMillis();
    }

    @Override
    public String toString() {
        return String.format("%.2f ms wall, %.2f ms cpu", wallMillis(), cpuMillis());
    }
}
