package course.timing;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * One-off timings: wall time and process CPU time of one piece of work.
 *
 * <pre>{@code
 * Timed<Long> t = Stopwatch.time(() -> countPrimes(1_000_000));
 * println(t.value() + " primes in " + t);          // "78498 primes in 41.20 ms wall, 41.05 ms cpu"
 *
 * var watch = Stopwatch.start();
 * ... ;
 * Duration d = watch.elapsed();
 * }</pre>
 *
 * <p>One timing is one sample: for comparisons use {@link Sweep}, which repeats, rotates and
 * reports the spread.
 */
public final class Stopwatch {

    private final Clocks clocks;
    private final long wallStart;
    private final long cpuStart;

    private Stopwatch(Clocks clocks) {
        this.clocks = clocks;
        this.cpuStart = clocks.cpuNanos();
        this.wallStart = clocks.wallNanos();
    }

    /** A running stopwatch. */
    public static Stopwatch start() {
        return new Stopwatch(Clocks.SYSTEM);
    }

    static Stopwatch start(Clocks clocks) {
        return new Stopwatch(clocks);
    }

    /** Times {@code work} once; its exception, if any, propagates unchanged. */
    public static <T> Timed<T> time(Callable<T> work) throws Exception {
        var watch = start();
        T value = work.call();
        return watch.stop(value);
    }

    /** Times {@code work} once. */
    public static Timed<Void> time(Runnable work) {
        var watch = start();
        work.run();
        return watch.stop(null);
    }

    /** Wall time since the start. */
    public Duration elapsed() {
        return Duration.ofNanos(clocks.wallNanos() - wallStart);
    }

    /** Process CPU time since the start, negative if the JVM cannot measure it. */
    public Duration cpu() {
        long now = clocks.cpuNanos();
        return now < 0 || cpuStart < 0 ? Duration.ofNanos(-1) : Duration.ofNanos(now - cpuStart);
    }

    /** Reads both clocks and pairs them with {@code value}. */
    public <T> Timed<T> stop(T value) {
        Duration wall = elapsed();
        return new Timed<>(value, wall, cpu());
    }
}
