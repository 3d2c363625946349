package course.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    @Test
    void othersTakingAQuarterOfTheCpuTimeMakeTheMachineBusy() {
        var quiet = new Conditions(2, 0.4, 0.24, 0.0, 1.0, 0, 0.02);
        var busy = new Conditions(2, 0.4, 0.25, 0.0, 1.0, 0, 0.02);
        assertFalse(quiet.busy());
        assertTrue(busy.busy());
        assertEquals(List.of("other programs used 25% of the CPU time of 2 CPUs during the run"), busy.reasons());
    }

    @Test
    void stealAboveATenthMakesTheMachineBusy() {
        var stolen = new Conditions(4, 0.4, 0.0, 0.12, 1.0, 0, 0.02);
        assertTrue(stolen.busy());
        assertTrue(stolen.reasons().getFirst().contains("steal"), stolen.reasons().toString());
    }

    @Test
    void theLoadAverageDecidesOnlyWhenOthersCpuUseIsUnknown() {
        // the load average includes this notebook's own earlier sweeps: with a measurement, it does not count
        assertFalse(new Conditions(2, 5.0, 0.05, 0.0, 1.0, 0, 0.02).busy());
        var unknown = new Conditions(2, 5.0, Double.NaN, Double.NaN, Double.NaN, 0, 0.02);
        assertTrue(unknown.busy());
        assertTrue(unknown.reasons().getFirst().contains("load average was 5.0, above the 2 CPUs"));
        assertFalse(Conditions.unknown(2).busy(), "nothing known: not busy, and the summary says it could not tell");
    }

    @Test
    void theSummaryNamesWhatWasSeen() {
        String s = new Conditions(1, 0.3, 0.5, 0.0, 1.0, 2, 0.3).summary();
        assertTrue(s.startsWith("1 CPU; others used 50% of the CPU time; steal 0%; load 0.30 before; 2 rounds added"), s);
        assertTrue(s.contains("times still spread by 30%") && s.endsWith(": BUSY"), s);
    }
}
