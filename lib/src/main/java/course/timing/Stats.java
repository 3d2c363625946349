package course.timing;

import java.util.Arrays;
import java.util.Collection;

/** Order statistics for small samples. */
final class Stats {

    private Stats() {
    }

    /** The median (mean of the middle two for an even count); NaN for no values. */
    static double median(Collection<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }
}
