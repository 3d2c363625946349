package course.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;

class SweepResultTest {

    static final Machine MACHINE = new Machine(2, 0.5, 1L << 30, "25", "Linux amd64");

    /** Times in ms per round for "seq" and "par" at threads 1 and 2. */
    static SweepResult<Integer> sample() {
        var samples = new ArrayList<Sample<Integer>>();
        double[][] seq = {{100, 130, 90}, {100, 100, 100}};
        double[][] par = {{100, 100, 100}, {50, 60, 40}};
        for (int r = 0; r < 3; r++) {
            for (int t = 0; t < 2; t++) {
                samples.add(new Sample<>("seq", t + 1, r, (long) (seq[t][r] * 1e6), (long) (seq[t][r] * 1e6)));
                samples.add(new Sample<>("par", t + 1, r, (long) (par[t][r] * 1e6), (long) (par[t][r] * 2e6)));
            }
        }
        return new SweepResult<>("test", "threads", List.of("seq", "par"), List.of(1, 2), 1000, 500, samples, "seq", 1, MACHINE);
    }

    @Test
    void tableHasOneRowPerConfigurationWithTheDocumentedColumns() {
        var table = sample().table();
        assertEquals(List.of("variant", "threads", "median ms", "min ms", "max ms", "cpu ms", "speedup"), table.columnNames());
        assertEquals(4, table.rowCount());
        assertTrue(table.column("threads") instanceof IntColumn);
        assertEquals("par", table.stringColumn("variant").get(3));
        assertEquals(50.0, table.doubleColumn("median ms").get(3), 1e-9);
        assertEquals(40.0, table.doubleColumn("min ms").get(3), 1e-9);
        assertEquals(60.0, table.doubleColumn("max ms").get(3), 1e-9);
        assertEquals(100.0, table.doubleColumn("cpu ms").get(3), 1e-9);
        // per-round ratios 100/50, 130/60, 90/40 -> median 130/60 (the ratio of medians would be 2)
        assertEquals(130.0 / 60, table.doubleColumn("speedup").get(3), 1e-9);
    }

    @Test
    void aComparisonHasNoParameterColumn() {
        List<Sample<Void>> samples = List.of(new Sample<>("a", null, 0, 2_000_000, -1), new Sample<>("b", null, 0, 1_000_000, -1));
        var r = new SweepResult<Void>("cmp", "", List.of("a", "b"), Collections.singletonList(null), 1, 1, samples, "a", null, MACHINE);
        assertFalse(r.hasParameter());
        assertEquals(List.of("variant", "median ms", "min ms", "max ms", "cpu ms", "speedup"), r.table().columnNames());
        assertEquals(2.0, r.speedup("b"), 1e-12);
        assertTrue(Double.isNaN(r.cpuMillis("a", null)), "unknown CPU time is NaN, not 0");
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        var samples = new ArrayList<Sample<Void>>();
        long[] ms = {4, 1, 3, 10};
        for (int r = 0; r < ms.length; r++) {
            samples.add(new Sample<>("a", null, r, ms[r] * 1_000_000, 0));
        }
        var r = new SweepResult<Void>("even", "", List.of("a"), Collections.singletonList(null), 1, 1, samples, "a", null, MACHINE);
        assertEquals(3.5, r.medianMillis("a"), 1e-12);
        assertEquals(4, r.roundCount());
    }

    @Test
    void unknownNamesAreRejectedWithTheKnownOnes() {
        var r = sample();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.medianMillis("pa", 1)).getMessage().contains("[seq, par]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.speedup("par", 3)).getMessage().contains("1, 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.medianMillis("par")).getMessage().contains("name one"));
    }

    @Test
    void theNoteNamesRoundsSizeMachineAndConditions() {
        String note = sample().note();
        assertTrue(note.contains("2 cores"), note);
        assertTrue(note.contains("shrunk from 1,000 to fit"), note);
        assertTrue(note.contains("could not tell whether other programs used the CPUs"), note);
        assertTrue(sample().toString().contains(note));
    }
}
