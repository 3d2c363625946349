package course.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AmdahlTest {

    private static final double[] THREADS = {1, 2, 4, 8, 16};

    private static double[] speedups(double f, double noise, long seed) {
        var random = new SplittableRandom(seed);
        double[] s = new double[THREADS.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = new Amdahl(f).speedup(THREADS[i]) * (1 + noise * (2 * random.nextDouble() - 1));
        }
        return s;
    }

    @Test
    void recoversAKnownSerialFractionFromExactData() {
        for (double f : new double[] {0.0, 0.07, 0.3, 0.9}) {
            assertEquals(f, Amdahl.fit(THREADS, speedups(f, 0, 1)).serialFraction(), 1e-6, "f=" + f);
        }
    }

    @Test
    void recoversItFromNoisyData() {
        assertEquals(0.07, Amdahl.fit(THREADS, speedups(0.07, 0.03, 42)).serialFraction(), 0.02);
    }

    @Test
    void clampsToTheUnitInterval() {
        assertEquals(0.0, Amdahl.fit(new double[] {1, 2, 4}, new double[] {1, 2.5, 5}).serialFraction(), "superlinear fits f=0");
        assertEquals(1.0, Amdahl.fit(new double[] {1, 2, 4}, new double[] {1, 0.5, 0.3}).serialFraction(), "a slowdown fits f=1");
    }

    @Test
    void predictsAndPrints() {
        var a = new Amdahl(0.07);
        assertEquals(1 / (0.07 + 0.93 / 8), a.speedup(8), 1e-12);
        assertEquals(1 / 0.07, a.maxSpeedup(), 1e-12);
        assertEquals("serial fraction f=0.07", a.toString());
    }

    @Test
    void fitsASweepResult() {
        double f = 0.2;
        var samples = new ArrayList<Sample<Integer>>();
        for (int r = 0; r < 3; r++) {
            for (int n : new int[] {1, 2, 4}) {
                samples.add(new Sample<>("t", n, r, Math.round(1e8 / new Amdahl(f).speedup(n)), 0));
            }
        }
        var result = new SweepResult<>("a", "threads", List.of("t"), List.of(1, 2, 4), 1, 1, samples, "t", 1, SweepResultTest.MACHINE);
        assertEquals(f, Amdahl.fit(result, "t").serialFraction(), 1e-6);
    }

    @Test
    void needsMoreThanOneThread() {
        var e = assertThrows(IllegalArgumentException.class, () -> Amdahl.fit(new double[] {1}, new double[] {1}));
        assertTrue(e.getMessage().contains("more than one thread"));
        assertThrows(IllegalArgumentException.class, () -> Amdahl.fit(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Amdahl(1.5));
    }
}
