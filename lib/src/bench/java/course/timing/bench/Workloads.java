package course.timing.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Three deterministic reference workloads, each around 10-50 ms on a laptop core: the same code is
 * timed by JMH and by {@link course.timing.Sweep} so that the two can be compared.
 */
final class Workloads {

    static final int PRIME_LIMIT = 400_000;
    static final long PI_SAMPLES = 4_000_000;
    static final int SORT_LENGTH = 400_000;
    static final long SEED = 42;

    private Workloads() {
    }

    /** Primes below {@code limit}, by trial division. */
    static int countPrimes(int limit) {
        int count = 0;
        for (int n = 2; n < limit; n++) {
            boolean prime = true;
            for (int d = 2; d * d <= n; d++) {
                if (n % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                count++;
            }
        }
        return count;
    }

    /** Monte Carlo estimate of pi from {@code samples} points of a seeded generator. */
    static double monteCarloPi(long samples, long seed) {
        var random = new SplittableRandom(seed);
        long inside = 0;
        for (long i = 0; i < samples; i++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            if (x * x + y * y <= 1) {
                inside++;
            }
        }
        return 4.0 * inside / samples;
    }

    /** A seeded array of {@code length} ints. */
    static int[] randomArray(int length, long seed) {
        return new SplittableRandom(seed).ints(length).toArray();
    }

    /** Sorts a copy of {@code data} and returns a value that depends on the result. */
    static long sortCopy(int[] data) {
        int[] copy = data.clone();
        Arrays.sort(copy);
        return copy[0] + (long) copy[copy.length / 2] + copy[copy.length - 1];
    }
}
