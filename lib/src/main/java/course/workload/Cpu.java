package course.workload;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * CPU-bound work that gives the same answer every time, so a demo can check its result
 * while it measures how long it took.
 *
 * <pre>{@code
 * int n = Cpu.countPrimes(2_000_000);                  // primes below 2,000,000 (148933)
 * long part = Cpu.countPrimes(1_000_000L, 2_000_000L); // primes in [1,000,000, 2,000,000)
 * double pi = Cpu.monteCarloPi(10_000_000, 42);        // about 3.14, the same for the same seed
 * int size = Cpu.sizeFor(Duration.ofMillis(100), Cpu::countPrimes); // a size that takes ~100 ms
 * }</pre>
 *
 * <p>Primes are counted by trial division on purpose: the work per number grows with the number,
 * it uses no memory, and it cannot be shared between threads except by splitting the range.
 */
public final class Cpu {

    /** A place for calibration results to go so the JIT cannot drop the work. */
    private static volatile int sink;

    private Cpu() {
    }

    /** The number of primes {@code p} with {@code p < limit}; 0 when {@code limit <= 2}. */
    public static int countPrimes(int limit) {
        return Math.toIntExact(countPrimes(0L, limit));
    }

    /**
     * The number of primes {@code p} with {@code from <= p < to}: split a range into
     * {@code [a, b)}, {@code [b, c)} pieces and the counts add up.
     *
     * @throws IllegalArgumentException if {@code from > to}
     */
    public static long countPrimes(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException(
                    "countPrimes(from, to) needs from <= to, got from=" + from + ", to=" + to
                            + "; the range is [from, to)");
        }
        long count = 0;
        for (long n = Math.max(from, 2); n < to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    /** Whether {@code n} is prime, by trial division by 2 and the odd numbers up to its square root. */
    public static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Estimates pi by throwing {@code samples} random points at the unit square and counting
     * those inside the quarter circle. The same {@code seed} gives the same estimate, so split the
     * work with different seeds (e.g. {@code seed + i}) for independent parts.
     *
     * @throws IllegalArgumentException if {@code samples <= 0}
     */
    public static double monteCarloPi(long samples, long seed) {
        if (samples <= 0) {
            throw new IllegalArgumentException("monteCarloPi needs samples > 0, got " + samples);
        }
        return 4.0 * monteCarloHits(samples, seed) / samples;
    }

    /**
     * How many of {@code samples} random points (from {@code seed}) fall inside the quarter circle:
     * the sum over parts is what a parallel pi estimate needs ({@code 4.0 * hits / samples}).
     */
    public static long monteCarloHits(long samples, long seed) {
        if (samples < 0) {
            throw new IllegalArgumentException("monteCarloHits needs samples >= 0, got " + samples);
        }
        SplittableRandom random = new SplittableRandom(seed);
        long hits = 0;
        for (long i = 0; i < samples; i++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            if (x * x + y * y <= 1.0) {
                hits++;
            }
        }
        return hits;
    }

    /**
     * Finds a size for which one call of {@code work} takes about {@code target} on this machine,
     * e.g. {@code Cpu.sizeFor(Duration.ofMillis(200), Cpu::countPrimes)}. It doubles the size from
     * 1,000 until a call takes a quarter of the target, then scales linearly (and checks once).
     * The work should grow roughly linearly with its size. Calibration itself takes a few times
     * {@code target}, and never more than about 20 calls.
     *
     * @throws IllegalArgumentException if {@code target} is not positive or longer than a minute
     */
    public static int sizeFor(Duration target, IntFunction<?> work) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(target, "target");
        if (target.isNegative() || target.isZero() || target.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException(
                    "sizeFor needs a target between 1 ns and 1 minute, got " + target);
        }
        long targetNanos = target.toNanos();
        int size = 1_000;
        long took = time(work, size);
        while (took < targetNanos / 4 && size <= Integer.MAX_VALUE / 2) {
            size *= 2;
            took = time(work, size);
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            double scaled = (double) size * targetNanos / Math.max(took, 1);
            int next = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(scaled)));
            if (next == size) {
                break;
            }
            size = next;
            took = time(work, size);
            if (Math.abs(took - targetNanos) < targetNanos / 5) {
                break;
            }
        }
        return size;
    }

    private static long time(IntFunction<?> work, int size) {
        long start = System.nanoTime();
        Object result = work.apply(size);
        long took = System.nanoTime() - start;
        sink += Objects.hashCode(result);
        return took;
    }
}
