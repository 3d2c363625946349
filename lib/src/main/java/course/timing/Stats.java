package course.timing;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * Order statistics for the small samples a measurement gives: the one definition of a median and
 * of a percentile in the course library.
 *
 * <p>Every method ignores NaN values (an unknown CPU time, say) and returns NaN when nothing is
 * left. The median of an even count is the mean of the two middle values, and percentiles
 * interpolate linearly between neighbours (the method spreadsheets and NumPy use by default), so
 * {@code median(v) == percentile(v, 50)} always.
 *
 * <pre>{@code
 * Stats.median(3, 1, 2)               // 2.0
 * Stats.median(List.of(4.0, 1.0))     // 2.5
 * Stats.percentile(new double[] {1, 2, 3, 4, 5}, 25)   // 2.0
 * Stats.spread(times).relative()      // (p75 - p25) / median
 * }</pre>
 */
public final class Stats {

    private Stats() {
    }

    /** The median of the values: the middle one, or the mean of the middle two; NaN for none. */
    public static double median(double... values) {
        return percentile(values, 50);
    }

    /** The median of the values (null entries are not allowed). */
    public static double median(Collection<? extends Number> values) {
        return median(toArray(values));
    }

    /**
     * The {@code p}-th percentile ({@code 0 <= p <= 100}), interpolated linearly between the two
     * nearest ranks: {@code percentile(v, 0)} is the minimum, {@code percentile(v, 100)} the maximum.
     */
    public static double percentile(double[] values, double p) {
        Objects.requireNonNull(values, "values");
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("a percentile lies between 0 and 100, not " + p);
        }
        double[] v = sorted(values);
        if (v.length == 0) {
            return Double.NaN;
        }
        double rank = p / 100 * (v.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, v.length - 1);
        return v[below] + (rank - below) * (v[above] - v[below]);
    }

    /** The {@code p}-th percentile of the values. */
    public static double percentile(Collection<? extends Number> values, double p) {
        return percentile(toArray(values), p);
    }

    /** Median, quartiles and extremes of the values. */
    public static Spread spread(double... values) {
        double[] v = sorted(values);
        return new Spread(v.length, percentile(v, 50), percentile(v, 25), percentile(v, 75),
                v.length == 0 ? Double.NaN : v[0], v.length == 0 ? Double.NaN : v[v.length - 1]);
    }

    /** Median, quartiles and extremes of the values. */
    public static Spread spread(Collection<? extends Number> values) {
        return spread(toArray(values));
    }

    private static double[] sorted(double[] values) {
        return Arrays.stream(Objects.requireNonNull(values, "values")).filter(d -> !Double.isNaN(d)).sorted().toArray();
    }

    private static double[] toArray(Collection<? extends Number> values) {
        Objects.requireNonNull(values, "values");
        return values.stream().mapToDouble(n -> Objects.requireNonNull(n, "a value is null").doubleValue()).toArray();
    }
}
