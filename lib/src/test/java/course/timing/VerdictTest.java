package course.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.timing.Verdict.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every branch of every verdict, on results built from chosen times and chosen machine readings. */
class VerdictTest {

    static final Conditions QUIET2 = new Conditions(2, 0.3, 0.02, 0.0, 1.0, 0, 0.02);
    static final Conditions BUSY2 = new Conditions(2, 6.0, 0.60, 0.0, 1.0, 2, 0.30);
    static final Conditions ONE = new Conditions(1, 0.2, 0.01, 0.0, 1.0, 0, 0.02);

    /** A sweep result over thread counts; {@code millis[v][r]} is the time at value index v in round r; CPU = wall × cpuFactor[v]. */
    static SweepResult<Integer> threads(Conditions c, List<Integer> values, double[][] millis, double[] cpuFactor) {
        var samples = new ArrayList<Sample<Integer>>();
        for (int r = 0; r < millis[0].length; r++) {
            for (int v = 0; v < values.size(); v++) {
                long wall = Math.round(millis[v][r] * 1e6);
                samples.add(new Sample<>("work", values.get(v), r, wall, Math.round(wall * cpuFactor[v])));
            }
        }
        return new SweepResult<>("t", "threads", List.of("work"), values, 1, 1, samples, "work", values.getFirst(),
                new Machine(c.cores(), c.loadBefore(), 1L << 30, "25", "Linux amd64"), c);
    }

    static SweepResult<Integer> oneAndTwo(Conditions c, double[] one, double[] two) {
        return threads(c, List.of(1, 2), new double[][] {one, two}, new double[] {1.0, 2.0});
    }

    static SweepResult<Void> comparison(Conditions c, double[] a, double[] b) {
        var samples = new ArrayList<Sample<Void>>();
        for (int r = 0; r < a.length; r++) {
            samples.add(new Sample<>("a", null, r, Math.round(a[r] * 1e6), -1));
            samples.add(new Sample<>("b", null, r, Math.round(b[r] * 1e6), -1));
        }
        return new SweepResult<>("c", "", List.of("a", "b"), Collections.singletonList(null), 1, 1, samples, "a", null,
                new Machine(c.cores(), c.loadBefore(), 1L << 30, "25", "Linux amd64"), c);
    }

    static final double[] HUNDRED = {100, 101, 99, 100, 102};
    static final double[] FIFTY_TWO = {52, 53, 51, 52, 54};

    // ------------------------------------------------------------------ speedup

    @Test
    void aClearSpeedupOnAQuietMachineIsShownWithItsFigure() {
        var v = Verdict.speedup(oneAndTwo(QUIET2, HUNDRED, FIFTY_TWO), "work");
        assertEquals(Outcome.SHOWN, v.outcome(), v.text());
        assertEquals(1.92, v.figure(), 0.02);
        assertTrue(v.seen().contains("threads=2") && v.seen().contains("1.92× faster"), v.seen());
        assertTrue(v.why().isEmpty() && v.todo().isEmpty());
        assertTrue(v.text().startsWith("Seen here"), v.text());
    }

    @Test
    void theSameTimesOnABusyMachineAreNotTrusted() {
        var v = Verdict.speedup(oneAndTwo(BUSY2, HUNDRED, FIFTY_TWO), "work");
        assertEquals(Outcome.BUSY, v.outcome());
        assertEquals(1.92, v.figure(), 0.02, "the figure is still reported");
        assertTrue(v.why().getFirst().contains("other programs used 60%"), v.why().toString());
        assertTrue(v.todo().stream().anyMatch(t -> t.contains("close other programs")), v.todo().toString());
    }

    @Test
    void aOneThreadRunThatGotLittleCpuMeansOthersTookIt() {
        var r = threads(QUIET2, List.of(1, 2), new double[][] {HUNDRED, FIFTY_TWO}, new double[] {0.5, 1.0});
        var v = Verdict.speedup(r, "work");
        assertEquals(Outcome.BUSY, v.outcome());
        assertTrue(v.why().getFirst().contains("only 50% of a CPU"), v.why().toString());
    }

    @Test
    void oneCpuSaysSpeedupsCannotAppearAndWhatTheRunStillShows() {
        var r = threads(ONE, List.of(1, 2, 4), new double[][] {HUNDRED, HUNDRED, HUNDRED}, new double[] {1.0, 0.98, 0.97});
        var v = Verdict.speedup(r, "work");
        assertEquals(Outcome.ONE_CPU, v.outcome());
        assertTrue(v.seen().contains("threads=4"), "on one CPU the widest value is judged: " + v.seen());
        assertTrue(v.seen().contains("CPU time was 0.97× the wall time"), v.seen());
        assertEquals(1, v.why().size(), "a quiet one-CPU machine: one reason");
        var busyOne = Verdict.speedup(threads(new Conditions(1, 3.0, 0.7, 0.0, 0.3, 0, 0.3), List.of(1, 2),
                new double[][] {HUNDRED, HUNDRED}, new double[] {0.3, 0.3}), "work");
        assertEquals(Outcome.ONE_CPU, busyOne.outcome());
        assertTrue(busyOne.why().get(1).contains("other programs used 70%"), "busy as well: said too: " + busyOne.why());
        assertTrue(v.why().getFirst().contains("cannot appear on one CPU"));
        assertTrue(v.todo().getFirst().contains("2 or more cores"));
    }

    @Test
    void aSpeedupWithinNoiseIsInconclusiveNotAbsent() {
        double[] noisy = {80, 95, 110, 70, 100};
        var v = Verdict.speedup(oneAndTwo(QUIET2, HUNDRED, noisy), "work");
        assertEquals(Outcome.INCONCLUSIVE, v.outcome(), v.text());
        assertTrue(v.why().getFirst().contains("within noise"), v.why().toString());
        assertTrue(v.todo().contains("rerun the cell"));
    }

    @Test
    void runsTooShortOrTooFewAreInconclusiveWhateverTheFigure() {
        var tiny = Verdict.speedup(oneAndTwo(QUIET2, new double[] {0.4, 0.4, 0.4}, new double[] {0.1, 0.1, 0.1}), "work");
        assertEquals(Outcome.INCONCLUSIVE, tiny.outcome());
        assertTrue(tiny.why().getFirst().contains("too short"), tiny.why().toString());
        var two = Verdict.speedup(oneAndTwo(QUIET2, new double[] {100, 100}, new double[] {50, 50}), "work");
        assertEquals(Outcome.INCONCLUSIVE, two.outcome());
        assertTrue(two.why().getFirst().contains("too few"), two.why().toString());
    }

    @Test
    void onABusyMachineBusyIsTheVerdictAndShortRunsAreAnExtraReason() {
        var v = Verdict.speedup(oneAndTwo(BUSY2, new double[] {0.4, 0.4, 0.4}, new double[] {0.1, 0.1, 0.1}), "work");
        assertEquals(Outcome.BUSY, v.outcome());
        assertTrue(v.why().getFirst().contains("other programs used 60%"), v.why().toString());
        assertTrue(v.why().getLast().contains("too short"), v.why().toString());
    }

    @Test
    void theDefaultValueIsTheWidestThatFitsTheCores() {
        var r = threads(QUIET2, List.of(1, 2, 4, 8), new double[][] {HUNDRED, FIFTY_TWO, FIFTY_TWO, FIFTY_TWO},
                new double[] {1, 2, 2, 2});
        assertTrue(Verdict.speedup(r, "work").seen().startsWith("work, threads=2:"));
        assertTrue(Verdict.speedup(r, "work", 8).seen().startsWith("work, threads=8:"));
        var compare = comparison(QUIET2, HUNDRED, FIFTY_TWO);
        assertThrows(IllegalArgumentException.class, () -> Verdict.speedup(compare, "b"));
    }

    // ------------------------------------------------------------------ overlap

    @Test
    void overlapOfWaitsIsClaimedEvenOnABusyMachineWhenClear() {
        double[] eight = {13, 12.5, 14, 13, 12};
        var r = threads(BUSY2, List.of(1, 8), new double[][] {HUNDRED, eight}, new double[] {0.01, 0.02});
        var v = Verdict.overlap(r, "work");
        assertEquals(Outcome.SHOWN, v.outcome(), v.text());
        assertTrue(v.figure() > 7);
        var oneCpu = Verdict.overlap(threads(ONE, List.of(1, 8), new double[][] {HUNDRED, eight}, new double[] {0.01, 0.02}), "work");
        assertEquals(Outcome.SHOWN, oneCpu.outcome(), "waits overlap on one CPU too");
    }

    @Test
    void anUnclearOverlapIsBusyOnABusyMachineAndInconclusiveOnAQuietOne() {
        double[] same = {90, 105, 100, 98, 110};
        var busy = Verdict.overlap(threads(BUSY2, List.of(1, 8), new double[][] {HUNDRED, same}, new double[] {1, 1}), "work");
        assertEquals(Outcome.BUSY, busy.outcome());
        var quiet = Verdict.overlap(threads(QUIET2, List.of(1, 8), new double[][] {HUNDRED, same}, new double[] {1, 1}), "work");
        assertEquals(Outcome.INCONCLUSIVE, quiet.outcome());
    }

    @Test
    void overlapAgainstTheSumOfWaitsComparesWallTimeWithIt() {
        var r = threads(QUIET2, List.of(1, 8), new double[][] {HUNDRED, {21, 22, 20, 21, 23}}, new double[] {0, 0});
        var v = Verdict.overlap(r, "work", 8, 160);
        assertEquals(Outcome.SHOWN, v.outcome());
        assertEquals(160 / 21.0, v.figure(), 0.01);
        assertTrue(v.seen().contains("waits adding up to 160 ms took 21 ms"), v.seen());
        assertThrows(IllegalArgumentException.class, () -> Verdict.overlap(r, "work", 8, 0));
    }

    // ------------------------------------------------------------------ GIL

    static Map<Integer, List<Double>> python(double[] one, double[] two) {
        var m = new LinkedHashMap<Integer, List<Double>>();
        m.put(1, java.util.Arrays.stream(one).boxed().toList());
        m.put(2, java.util.Arrays.stream(two).boxed().toList());
        return m;
    }

    @Test
    void theGilIsShownWhenJavaSpeedsUpAndCPythonDoesNot() {
        var java = oneAndTwo(QUIET2, HUNDRED, FIFTY_TWO);
        var v = Verdict.gil(java, "work", python(new double[] {300, 305, 298}, new double[] {302, 310, 299}));
        assertEquals(Outcome.SHOWN, v.outcome(), v.text());
        assertTrue(v.seen().startsWith("2 threads: Java 1.92× faster"), v.seen());
    }

    @Test
    void cpythonSeemingToSpeedUpIsInconclusiveWithTheLikelyReason() {
        var java = oneAndTwo(QUIET2, HUNDRED, FIFTY_TWO);
        var v = Verdict.gil(java, "work", python(new double[] {300, 305, 298}, new double[] {200, 210, 190}));
        assertEquals(Outcome.INCONCLUSIVE, v.outcome());
        assertTrue(v.why().stream().anyMatch(w -> w.contains("which a GIL forbids")), v.why().toString());
    }

    @Test
    void theGilVerdictIsBusyOnABusyMachineAndSaysOneCpuOnOne() {
        var py = python(new double[] {300, 305, 298}, new double[] {302, 310, 299});
        assertEquals(Outcome.BUSY, Verdict.gil(oneAndTwo(BUSY2, HUNDRED, FIFTY_TWO), "work", py).outcome());
        assertEquals(Outcome.ONE_CPU, Verdict.gil(oneAndTwo(ONE, HUNDRED, HUNDRED), "work", py).outcome());
        var noJavaSpeedup = Verdict.gil(oneAndTwo(QUIET2, HUNDRED, HUNDRED), "work", py);
        assertEquals(Outcome.INCONCLUSIVE, noJavaSpeedup.outcome());
        assertTrue(noJavaSpeedup.why().getFirst().contains("Java threads did not clearly speed up"));
    }

    @Test
    void theGilVerdictNeedsMatchingThreadCounts() {
        var java = oneAndTwo(QUIET2, HUNDRED, FIFTY_TWO);
        assertThrows(IllegalArgumentException.class, () -> Verdict.gil(java, "work", Map.of(1, List.of(1.0), 4, List.of(1.0))));
    }

    // ------------------------------------------------------------------ sweet spot

    @Test
    void aSweetSpotIsTheSmallestPoolWithinNoiseOfTheBest() {
        var r = threads(QUIET2, List.of(1, 2, 4, 8),
                new double[][] {HUNDRED, FIFTY_TWO, {51, 52, 50, 51, 53}, {55, 56, 54, 55, 57}}, new double[] {1, 2, 2, 2});
        var v = Verdict.sweetSpot(r, "work");
        assertEquals(Outcome.SHOWN, v.outcome(), v.text());
        assertTrue(v.seen().startsWith("fastest at threads=4"), v.seen());
        assertTrue(v.seen().contains("from threads=2 on"), v.seen());
    }

    @Test
    void aFlatPoolCurveIsInconclusiveAndBusyWhenBusy() {
        var flat = new double[][] {HUNDRED, {98, 99, 97, 98, 100}, {99, 100, 98, 99, 101}};
        var quiet = Verdict.sweetSpot(threads(QUIET2, List.of(1, 2, 4), flat, new double[] {1, 1, 1}), "work");
        assertEquals(Outcome.INCONCLUSIVE, quiet.outcome());
        assertTrue(quiet.why().getFirst().contains("within noise of the best"));
        var one = Verdict.sweetSpot(threads(ONE, List.of(1, 2, 4), flat, new double[] {1, 1, 1}), "work");
        assertTrue(one.why().getFirst().contains("on one CPU"), one.why().toString());
        assertEquals(Outcome.BUSY, Verdict.sweetSpot(threads(BUSY2, List.of(1, 2, 4), flat, new double[] {1, 1, 1}), "work").outcome());
    }

    // ------------------------------------------------------------------ faster (virtual vs platform, processes vs threads)

    @Test
    void aClearlyFasterVariantIsShownTheOppositeAndNoiseAreNot() {
        String rule = "b is faster than a";
        assertEquals(Outcome.SHOWN, Verdict.faster(comparison(QUIET2, HUNDRED, FIFTY_TWO), "b", "a", rule).outcome());
        var opposite = Verdict.faster(comparison(QUIET2, FIFTY_TWO, HUNDRED), "b", "a", rule);
        assertEquals(Outcome.INCONCLUSIVE, opposite.outcome());
        assertTrue(opposite.why().getFirst().contains("the opposite was measured"));
        var noise = Verdict.faster(comparison(QUIET2, HUNDRED, new double[] {95, 104, 99, 101, 98}), "b", "a", rule);
        assertEquals(Outcome.INCONCLUSIVE, noise.outcome());
        assertEquals(Outcome.BUSY, Verdict.faster(comparison(BUSY2, HUNDRED, FIFTY_TWO), "b", "a", rule).outcome());
    }

    // ------------------------------------------------------------------ quiet and busy agree

    @Test
    void aQuietAndABusyRunNeverClaimDifferentThingsUnlessTheBusyOneSaysBusy() {
        // The same effect measured under growing interference: whatever the busy run concludes
        // without saying BUSY must be what the quiet run concludes, or INCONCLUSIVE.
        var quiet = Verdict.speedup(oneAndTwo(QUIET2, HUNDRED, FIFTY_TWO), "work");
        for (double others : new double[] {0.0, 0.1, 0.2, 0.3, 0.6, 0.9}) {
            var c = new Conditions(2, 1.0, others, 0.0, 1.0, 0, 0.05);
            double slow = 1 + others;   // others' work stretches the parallel run more than the serial one
            double[] two = java.util.Arrays.stream(FIFTY_TWO).map(t -> t * slow).toArray();
            var loaded = Verdict.speedup(oneAndTwo(c, HUNDRED, two), "work");
            assertTrue(loaded.outcome() == Outcome.BUSY || loaded.outcome() == quiet.outcome()
                    || loaded.outcome() == Outcome.INCONCLUSIVE, others + ": " + loaded.text());
            assertFalse(loaded.outcome() == Outcome.SHOWN && others >= Conditions.BUSY_OTHERS, loaded.text());
        }
    }

    @Test
    void textNamesTheOutcomeTheFigureTheReasonAndTheMachine() {
        var v = Verdict.speedup(oneAndTwo(BUSY2, HUNDRED, FIFTY_TWO), "work");
        String text = v.toString();
        assertTrue(text.startsWith("Busy machine"), text);
        assertTrue(text.contains("measured: work, threads=2: 1.92× faster than work, threads=1"), text);
        assertTrue(text.contains("why: other programs used 60%"), text);
        assertTrue(text.contains("machine: 2 CPUs; others used 60% of the CPU time"), text);
    }
}
