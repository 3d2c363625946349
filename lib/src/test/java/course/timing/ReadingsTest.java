package course.timing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading /proc, on fixed text; and what the sweep's conditions make of two readings. */
class ReadingsTest {

    static final List<String> STAT = List.of(
            "cpu  300 10 60 1000 5 0 4 30 0 0",
            "cpu0 100 0 20 500 2 0 2 10 0 0",
            "cpu1 200 10 40 500 3 0 2 20 7 0",
            "intr 12345",
            "ctxt 999");

    @Test
    void theAllowedCpusListIsParsedRangesAndAll() {
        BitSet set = Readings.allowedCpus(List.of("Name:\tjava", "Cpus_allowed:\tff", "Cpus_allowed_list:\t0-1,4,6-7"));
        assertEquals("{0, 1, 4, 6, 7}", set.toString());
        assertNull(Readings.allowedCpus(List.of("Name:\tjava")), "no list: every CPU counts");
    }

    @Test
    void cpuTicksAreSummedOverTheAllowedCpusOnly() {
        // busy = user + nice + system + irq + softirq; all = those + idle + iowait + steal
        assertArrayEquals(new long[] {122, 10, 634}, Readings.cpuTicks(STAT, bitSet(0)));
        assertArrayEquals(new long[] {122 + 252, 30, 634 + 775}, Readings.cpuTicks(STAT, null));
    }

    @Test
    void ownTicksAreUserPlusSystemEvenWhenTheCommandHasSpacesAndParentheses() {
        String stat = "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194304 100 0 0 0 73 19 0 0 20 0 12 0 5000 0 0";
        assertEquals(92, Readings.ownTicks(stat));
    }

    @Test
    void twoReadingsGiveOthersShareAndSteal() {
        var before = new Readings(0.5, 1000, 100, 10_000, 300);
        var after = new Readings(0.7, 2000, 150, 12_000, 900);
        Conditions c = Readings.between(before, after, 2, 1.0, 1, 0.05);
        assertEquals(0.2, c.othersShare(), 1e-12, "(1000 busy - 600 own) / 2000");
        assertEquals(0.025, c.stealShare(), 1e-12);
        assertEquals(0.5, c.loadBefore());
        assertEquals(1, c.roundsAdded());
        assertFalse(c.busy());
    }

    @Test
    void unknownReadingsGiveUnknownConditions() {
        Conditions c = Readings.between(Readings.NONE, Readings.NONE, 4, Double.NaN, 0, 0);
        assertFalse(c.known());
        assertTrue(Double.isNaN(c.stealShare()));
        assertTrue(c.summary().contains("could not tell"), c.summary());
    }

    @Test
    void onLinuxTheMachineIsReadFromProc() {
        Readings r = Readings.now();
        boolean linux = System.getProperty("os.name").startsWith("Linux");
        assertEquals(linux, r.allTicks() > 0, r.toString());
        if (linux) {
            assertTrue(r.busyTicks() <= r.allTicks() && r.ownTicks() >= 0, r.toString());
        }
    }

    private static BitSet bitSet(int... cpus) {
        var b = new BitSet();
        for (int c : cpus) {
            b.set(c);
        }
        return b;
    }
}
