package course.timing;

import java.util.Locale;

/**
 * A summary of a few measurements: how many, the median, the quartiles and the extremes. Made by
 * {@link Stats#spread(double...)}; a {@link SweepResult} gives one per configuration.
 *
 * @param count  how many values (NaN ones left out)
 * @param median the middle value
 * @param low    the 25th percentile (lower quartile)
 * @param high   the 75th percentile (upper quartile)
 * @param min    the smallest value
 * @param max    the largest value
 */
public record Spread(int count, double median, double low, double high, double min, double max) {

    /**
     * The interquartile range relative to the median, {@code (high - low) / median}: 0.05 means the
     * middle half of the values lies within 5% of the median. NaN for no values or a zero median.
     */
    public double relative() {
        return count == 0 || median == 0 ? Double.NaN : (high - low) / Math.abs(median);
    }

    /** This spread with every figure multiplied by {@code factor} (a positive unit change, e.g. 1e-3). */
    public Spread times(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("scale a spread by a positive factor, not " + factor);
        }
        return new Spread(count, median * factor, low * factor, high * factor, min * factor, max * factor);
    }

    /** "1.87 (1.80-1.93, n=5)": the median with the quartiles. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3g (%.3g-%.3g, n=%d)", median, low, high, count);
    }
}
