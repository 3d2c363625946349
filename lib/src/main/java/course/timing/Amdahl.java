package course.timing;

import java.util.Locale;

/**
 * Amdahl's law fitted to measured speedups: if a fraction {@code f} of the work is serial, {@code n}
 * threads give at most {@code S(n) = 1 / (f + (1 - f) / n)}, and never more than {@code 1 / f}.
 *
 * <pre>{@code
 * Amdahl a = Amdahl.fit(result, "platform threads");
 * println(a);                        // "serial fraction f=0.07"
 * println(a.speedup(64));            // what 64 cores would give, at best
 * }</pre>
 *
 * <p>The fit is least squares on the speedups themselves (not on their inverses), with {@code f}
 * searched in [0, 1]: a speedup above {@code n} (superlinear, e.g. from caches) fits as {@code f = 0},
 * a slowdown as {@code f} up to 1.
 *
 * @param serialFraction the fitted serial fraction {@code f}, in [0, 1]
 */
public record Amdahl(double serialFraction) {

    public Amdahl {
        if (!(serialFraction >= 0 && serialFraction <= 1)) {
            throw new IllegalArgumentException("a serial fraction lies in [0, 1], not " + serialFraction);
        }
    }

    /**
     * Fits the speedups of {@code variant} in a sweep whose values are thread (or core) counts,
     * relative to the sweep's baseline (by default the first variant at the first value, ideally 1).
     */
    public static <P> Amdahl fit(SweepResult<P> result, String variant) {
        if (!result.hasParameter() || !result.values().stream().allMatch(v -> v instanceof Number)) {
            throw new IllegalArgumentException("Amdahl.fit needs a sweep over a number of threads, e.g. Sweep.over(\"threads\", List.of(1, 2, 4)); \""
                    + result.title() + "\" sweeps " + (result.hasParameter() ? result.parameter() + " = " + result.values() : "no parameter"));
        }
        int k = result.values().size();
        double[] n = new double[k];
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            P v = result.values().get(i);
            n[i] = ((Number) v).doubleValue();
            s[i] = result.speedup(variant, v);
        }
        return fit(n, s);
    }

    /** Fits measured {@code speedups} at thread counts {@code threads} (same length, counts at least 1). */
    public static Amdahl fit(double[] threads, double[] speedups) {
        if (threads.length != speedups.length) {
            throw new IllegalArgumentException("give one speedup per thread count: " + threads.length + " counts, " + speedups.length + " speedups");
        }
        boolean informative = false;
        for (int i = 0; i < threads.length; i++) {
            if (!(threads[i] >= 1) || !(speedups[i] > 0) || Double.isInfinite(speedups[i])) {
                throw new IllegalArgumentException("thread counts must be at least 1 and speedups positive; got n=" + threads[i] + ", S=" + speedups[i]);
            }
            informative |= threads[i] > 1;
        }
        if (!informative) {
            throw new IllegalArgumentException("fitting Amdahl's law needs a speedup measured with more than one thread");
        }
        // The error is smooth in f; scan a grid, then refine around the best point by golden section.
        int steps = 1000;
        int best = 0;
        double bestError = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= steps; i++) {
            double e = error(i / (double) steps, threads, speedups);
            if (e < bestError) {
                bestError = e;
                best = i;
            }
        }
        double lo = Math.max(0, (best - 1) / (double) steps);
        double hi = Math.min(1, (best + 1) / (double) steps);
        double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 60; i++) {
            double a = hi - g * (hi - lo);
            double b = lo + g * (hi - lo);
            if (error(a, threads, speedups) <= error(b, threads, speedups)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        double f = (lo + hi) / 2;
        if (error(best / (double) steps, threads, speedups) < error(f, threads, speedups)) {
            f = best / (double) steps;
        }
        return new Amdahl(Math.clamp(f, 0.0, 1.0));
    }

    private static double error(double f, double[] n, double[] s) {
        double sum = 0;
        for (int i = 0; i < n.length; i++) {
            double d = s[i] - speedup(f, n[i]);
            sum += d * d;
        }
        return sum;
    }

    private static double speedup(double f, double n) {
        return 1 / (f + (1 - f) / n);
    }

    /** The speedup this law predicts with {@code n} threads. */
    public double speedup(double n) {
        return speedup(serialFraction, n);
    }

    /** The limit for unboundedly many threads, {@code 1 / f} (infinite for {@code f = 0}). */
    public double maxSpeedup() {
        return serialFraction == 0 ? Double.POSITIVE_INFINITY : 1 / serialFraction;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "serial fraction f=%.2f", serialFraction);
    }
}
