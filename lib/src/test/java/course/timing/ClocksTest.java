package course.timing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ClocksTest {

    /** Spins until this thread has used {@code nanos} of CPU time. */
    private static void burn(long nanos) {
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long spin = 0;
        while (threads.getCurrentThreadCpuTime() - start < nanos) {
            for (int i = 0; i < 10_000; i++) {
                spin += Long.numberOfTrailingZeros(i ^ spin);
            }
        }
        Sink.consume(spin);
    }

    @Test
    void processCpuTimeAddsUpTheCpuTimeOfEveryThread() throws InterruptedException {
        long before = Clocks.processCpuNanos();
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < 3; t++) {
            workers.add(Thread.ofPlatform().start(() -> burn(TimeUnit.MILLISECONDS.toNanos(100))));
        }
        for (Thread w : workers) {
            w.join();
        }
        long used = Clocks.processCpuNanos() - before;
        // three threads used 100 ms each; the OS may count in 10 ms ticks
        assertTrue(used >= TimeUnit.MILLISECONDS.toNanos(280), "process CPU time grew by only " + used / 1e6 + " ms");
    }

    @Test
    void waitingCostsWallTimeButNoCpuTime() throws InterruptedException {
        long cpu0 = Clocks.processCpuNanos();
        long wall0 = System.nanoTime();
        Thread.sleep(300);
        long cpu = Clocks.processCpuNanos() - cpu0;
        long wall = System.nanoTime() - wall0;
        assertTrue(wall >= TimeUnit.MILLISECONDS.toNanos(300));
        // the JVM's own threads (JIT, GC) may run meanwhile, but nowhere near a sleeping thread's wall time
        assertTrue(cpu < wall / 2, "CPU " + cpu / 1e6 + " ms during a sleep of " + wall / 1e6 + " ms");
    }

    @Test
    void thePreciseClockResolvesFarBelowTheOperatingSystemsTicks() {
        if (!Clocks.preciseCpu()) {
            // without native access the MX bean counts in ticks: nothing finer to check
            return;
        }
        long smallest = Long.MAX_VALUE;
        for (int i = 0; i < 50; i++) {
            long a = Clocks.processCpuNanos();
            long b;
            do {
                b = Clocks.processCpuNanos();
            } while (b == a);
            smallest = Math.min(smallest, b - a);
        }
        assertTrue(smallest < TimeUnit.MILLISECONDS.toNanos(1), "smallest step " + smallest + " ns: not finer than a tick");
    }

    @Test
    void thePreciseAndTheMxBeanClocksCountTheSameThing() {
        burn(TimeUnit.MILLISECONDS.toNanos(50));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long coarse = os.getProcessCpuTime();
        long ours = Clocks.processCpuNanos();
        // the MX bean counts in 10 ms ticks, and threads keep running between the two reads
        assertTrue(Math.abs(ours - coarse) < 200_000_000L, "ours " + ours + " vs MX bean " + coarse);
    }
}
