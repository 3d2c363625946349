package course.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StopwatchTest {

    @Test
    void measuresWallAndCpuTime() {
        var clock = new FakeClocks();
        var watch = Stopwatch.start(clock.clocks());
        clock.spend(3_000_000, 2);
        Timed<String> t = watch.stop("x");
        assertEquals("x", t.value());
        assertEquals(Duration.ofMillis(3), t.wall());
        assertEquals(Duration.ofMillis(6), t.cpu());
        assertEquals(2.0, t.coresBusy(), 1e-12);
        assertEquals("3.00 ms wall, 6.00 ms cpu", t.toString());
    }

    @Test
    void unknownCpuTimeIsNaN() {
        var watch = Stopwatch.start(new Clocks(System::nanoTime, () -> -1));
        assertTrue(Double.isNaN(watch.stop(null).cpuMillis()));
    }

    @Test
    void timesRealWorkAndPassesItsValueAndExceptionsThrough() throws Exception {
        Timed<Integer> t = Stopwatch.time(() -> List.of(1, 2, 3).stream().mapToInt(i -> i).sum());
        assertEquals(6, t.value());
        assertTrue(!t.wall().isNegative());
        var failure = new IOException("disk");
        assertSame(failure, assertThrows(IOException.class, () -> Stopwatch.time(() -> { throw failure; })));
        Timed<Void> r = Stopwatch.time(() -> Sink.consume(1));
        assertEquals(null, r.value());
    }

    @Test
    void machineDescribesThisJvm() {
        var m = Machine.current();
        assertEquals(Runtime.getRuntime().availableProcessors(), m.cores());
        assertTrue(m.summary().startsWith(m.cores() + " core"), m.summary());
        assertTrue(m.summary().contains("Java " + System.getProperty("java.version")), m.summary());
        assertEquals("1 core, load n/a, Java 25, heap 0.5 GiB, X", new Machine(1, Double.NaN, 1L << 29, "25", "X").summary());
    }

    @Test
    void quickModeReadsTheVariable() {
        assertTrue(Quick.enabled(Map.of("COURSE_QUICK", "1")::get));
        assertTrue(Quick.enabled(Map.of("COURSE_QUICK", "true")::get));
        assertTrue(!Quick.enabled(Map.of("COURSE_QUICK", "0")::get));
        assertTrue(!Quick.enabled(Map.of("COURSE_QUICK", " ")::get));
        assertTrue(!Quick.enabled(Map.<String, String>of()::get));
    }
}
