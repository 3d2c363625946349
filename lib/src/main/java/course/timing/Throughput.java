package course.timing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Items per second from a {@link SweepResult} over a number (threads, pool size, queue capacity), as
 * points that plot directly with {@code Charts.line}: at each value, the median of the per-round
 * throughputs {@link SweepResult#throughput(String, Object)} measured.
 *
 * <pre>{@code
 * show(Charts.line("Throughput", "pool size", "tasks per second", Throughput.perSecond(sweep)));
 * double[] best = Throughput.best(Throughput.perSecond(sweep, "count primes"));   // {pool size, tasks/s}
 * }</pre>
 */
public final class Throughput {

    private Throughput() {
    }

    /** {value, items per second} for one variant, in the sweep's order of values. */
    public static <P> List<double[]> perSecond(SweepResult<P> result, String variant) {
        Objects.requireNonNull(result, "result");
        if (!result.hasParameter() || !result.numericValues()) {
            throw new IllegalArgumentException("throughput needs a sweep over a number, e.g. Sweep.over(\"pool size\", List.of(1, 2, 4)); \""
                    + result.title() + "\" sweeps " + (result.hasParameter() ? result.parameter() + " = " + result.values() : "no parameter"));
        }
        return result.values().stream()
                .map(v -> new double[] {((Number) v).doubleValue(), result.throughput(variant, v).median()})
                .toList();
    }

    /** {value, items per second} for every variant, keyed by variant name in the sweep's order. */
    public static <P> Map<String, List<double[]>> perSecond(SweepResult<P> result) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (String v : result.variants()) {
            series.put(v, perSecond(result, v));
        }
        return series;
    }

    /** The point with the highest throughput (the first, if several tie). */
    public static double[] best(List<double[]> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no throughput points to choose from");
        }
        double[] best = points.getFirst();
        for (double[] p : points) {
            if (p[1] > best[1]) {
                best = p;
            }
        }
        return best;
    }
}
