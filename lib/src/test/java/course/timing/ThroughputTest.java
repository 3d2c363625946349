package course.timing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    /** 100 items per run; at value v the runs take v * 10 ms, v * 20 ms and v * 30 ms (median v * 20 ms). */
    private static SweepResult<Object> sweep(String parameter, List<Object> values) {
        List<Sample<Object>> samples = new ArrayList<>();
        for (String variant : List.of("a", "b")) {
            int scale = variant.equals("a") ? 1 : 2;
            for (Object v : values) {
                double factor = v instanceof Number n ? n.doubleValue() : 1;
                for (int round = 0; round < 3; round++) {
                    samples.add(new Sample<>(variant, v, round, (long) (factor * scale * (round + 1) * 10_000_000L), -1));
                }
            }
        }
        return new SweepResult<>("t", parameter, List.of("a", "b"), values, 100, 100, samples, "a", values.getFirst(), Machine.current());
    }

    @Test
    void itemsPerSecondIsTheSizeOverTheMedianTime() {
        SweepResult<Object> r = sweep("pool size", List.of(1, 2, 4));
        List<double[]> a = Throughput.perSecond(r, "a");
        assertEquals(3, a.size());
        assertArrayEquals(new double[] {1, 100 / 0.020}, a.get(0), 1e-6);
        assertArrayEquals(new double[] {4, 100 / 0.080}, a.get(2), 1e-6);
        var all = Throughput.perSecond(r);
        assertEquals(List.of("a", "b"), List.copyOf(all.keySet()));
        assertArrayEquals(new double[] {2, 100 / 0.080}, all.get("b").get(1), 1e-6);
    }

    @Test
    void bestIsTheHighestThroughput() {
        List<double[]> points = List.of(new double[] {1, 5}, new double[] {2, 9}, new double[] {4, 7});
        assertArrayEquals(new double[] {2, 9}, Throughput.best(points));
        assertThrows(IllegalArgumentException.class, () -> Throughput.best(List.of()));
    }

    @Test
    void aSweepOverNamesHasNoThroughputCurve() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Throughput.perSecond(sweep("workload", List.of("x", "y")), "a"));
        assertTrue(e.getMessage().contains("over a number"), e.getMessage());
        assertTrue(Arrays.asList(e.getMessage().split(" ")).contains("workload"), e.getMessage());
    }
}
