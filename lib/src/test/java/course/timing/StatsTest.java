package course.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheMiddleTwo() {
        assertEquals(2.0, Stats.median(3, 1, 2));
        assertEquals(2.5, Stats.median(4, 1, 3, 2), "even count: the mean of 2 and 3, neither the lower nor the upper middle");
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0)));
        assertEquals(7.0, Stats.median(List.of(7)));
        assertTrue(Double.isNaN(Stats.median()));
    }

    @Test
    void nanValuesAreLeftOut() {
        assertEquals(2.0, Stats.median(1, Double.NaN, 3));
        assertEquals(2, Stats.spread(1, Double.NaN, 3).count());
        assertTrue(Double.isNaN(Stats.median(Double.NaN)));
    }

    @Test
    void percentilesInterpolateBetweenRanksAndAgreeWithTheMedian() {
        double[] v = {5, 1, 4, 2, 3};
        assertEquals(1.0, Stats.percentile(v, 0));
        assertEquals(5.0, Stats.percentile(v, 100));
        assertEquals(2.0, Stats.percentile(v, 25));
        assertEquals(4.0, Stats.percentile(v, 75));
        assertEquals(1.4, Stats.percentile(v, 10), 1e-12);
        assertEquals(Stats.median(1, 2, 3, 4), Stats.percentile(new double[] {1, 2, 3, 4}, 50));
        assertEquals(2.5, Stats.percentile(List.of(1, 2, 3, 4), 50));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(v, 101));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(v, Double.NaN));
    }

    @Test
    void aSpreadHoldsMedianQuartilesExtremesAndItsRelativeWidth() {
        Spread s = Stats.spread(10, 12, 8, 11, 9);
        assertEquals(new Spread(5, 10, 9, 11, 8, 12), s);
        assertEquals(0.2, s.relative(), 1e-12);
        Spread seconds = s.times(1e-3);
        assertEquals(0.009, seconds.low(), 1e-15);
        assertEquals(0.012, seconds.max(), 1e-15);
        assertEquals(s.relative(), seconds.relative(), 1e-12, "a unit change keeps the relative spread");
        assertTrue(Double.isNaN(Stats.spread().relative()));
        assertEquals("10.0 (9.00-11.0, n=5)", s.toString());
        assertThrows(IllegalArgumentException.class, () -> s.times(0));
    }

    @Test
    void nullsAreRejectedWithAClearMessage() {
        var withNull = new java.util.ArrayList<Double>(List.of(1.0));
        withNull.add(null);
        assertTrue(assertThrows(NullPointerException.class, () -> Stats.median(withNull)).getMessage().contains("null"));
    }
}
