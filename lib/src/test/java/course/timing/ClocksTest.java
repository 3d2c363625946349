package course.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ClocksTest {

    @Test
    void processCpuTimeIsPreciseWhenNativeAccessIsEnabled() {
        // surefire runs with --enable-native-access=ALL-UNNAMED, as the notebook kernel should
        assertEquals(Clocks.class.getModule().isNativeAccessEnabled() && System.getProperty("os.name").startsWith("Linux"),
                Clocks.preciseCpu());
    }

    @Test
    void processCpuTimeMovesForwardAndAgreesWithTheMxBean() {
        long before = Clocks.processCpuNanos();
        long spin = 0;
        for (int i = 0; i < 5_000_000; i++) {
            spin += Long.numberOfTrailingZeros(i ^ spin);
        }
        Sink.consume(spin);
        long after = Clocks.processCpuNanos();
        assertTrue(before > 0 && after >= before, before + " then " + after);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long coarse = os.getProcessCpuTime();
        long precise = Clocks.processCpuNanos();
        // both count the same thing; the MX bean in 10 ms ticks, and threads keep running between the reads
        assertTrue(Math.abs(precise - coarse) < 200_000_000L, "precise " + precise + " vs MX bean " + coarse);
    }
}
