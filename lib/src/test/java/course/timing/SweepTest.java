package course.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SweepTest {

    private static final long MS = 1_000_000;

    @Test
    void eachRoundStartsAtTheNextConfigurationAndRunsEveryOneOnce() {
        var calls = new ArrayList<String>();
        var result = Sweep.over("threads", List.of(1, 2))
                .task("a", (v, n) -> calls.add("a" + v))
                .task("b", (v, n) -> calls.add("b" + v))
                .rounds(3).warmup(1).extraRounds(0).budget(Duration.ofHours(1))
                .run();
        assertEquals(List.of(
                "a1", "a2", "b1", "b2",     // calibration, in declaration order
                "a1", "a2", "b1", "b2",     // warm-up round 0
                "a1", "a2", "b1", "b2",     // round 0 starts at configuration 0
                "a2", "b1", "b2", "a1",     // round 1 at configuration 1
                "b1", "b2", "a1", "a2"),    // round 2 at configuration 2
                calls);
        var measured = result.rounds().stream().map(s -> s.variant() + s.value() + "@" + s.round()).toList();
        assertEquals(List.of("a1@0", "a2@0", "b1@0", "b2@0", "a2@1", "b1@1", "b2@1", "a1@1", "b1@2", "b2@2", "a1@2", "a2@2"), measured);
        assertEquals(3, result.roundCount());
    }

    @Test
    void speedupIsTheMedianOfRatiosWithinEachRoundNotARatioOfMedians() {
        var clock = new FakeClocks();
        // "base" is slow in round 1 only; "fast" is slow in rounds 1 and 2. Within a round, fast takes
        // half of base in rounds 0 and 1, so the per-round ratios are 2, 2, 0.2: median 2.
        // The medians alone (10 ms and 25 ms) would claim a speedup of 0.4.
        long[] base = {10 * MS, 10 * MS, 100 * MS, 10 * MS};   // calibration, rounds 0..2
        long[] fast = {5 * MS, 5 * MS, 50 * MS, 50 * MS};
        var i = new AtomicInteger();
        var j = new AtomicInteger();
        var result = Sweep.compare()
                .task("base", (v, n) -> { clock.spend(base[i.getAndIncrement()], 1); return n; })
                .task("fast", (v, n) -> { clock.spend(fast[j.getAndIncrement()], 2); return n; })
                .rounds(3).warmup(0).extraRounds(0).budget(Duration.ofHours(1))
                .clocks(clock.clocks())
                .run();
        assertEquals(List.of(2.0, 2.0, 0.2), result.roundSpeedups("fast", null).stream().map(d -> Math.round(d * 100) / 100.0).toList());
        assertEquals(2.0, result.speedup("fast"), 1e-12);
        assertEquals(1.0, result.speedup("base"), 1e-12);
        assertEquals(10.0, result.medianMillis("base"), 1e-12);
        assertEquals(50.0, result.medianMillis("fast"), 1e-12);
        assertEquals(100.0, result.cpuMillis("fast", null), 1e-12, "two cores busy: CPU time is twice the wall time");
    }

    @Test
    void baselineCanBeAnyConfiguration() {
        var clock = new FakeClocks();
        var result = Sweep.over("threads", List.of(1, 2, 4))
                .task("t", (threads, n) -> { clock.spend(120 * MS / threads, threads); return threads; })
                .baseline("t", 2)
                .rounds(3).warmup(0).budget(Duration.ofHours(1)).clocks(clock.clocks())
                .run();
        assertEquals(0.5, result.speedup("t", 1), 1e-12);
        assertEquals(1.0, result.speedup("t", 2), 1e-12);
        assertEquals(2.0, result.speedup("t", 4), 1e-12);
    }

    @Test
    void calibrationShrinksTheSizeInProportionToFitTheBudget() {
        var clock = new FakeClocks();
        var sizes = new ArrayList<Integer>();
        var notes = new ArrayList<String>();
        // 1 µs per unit of size: at 1,000,000 a run costs 1 s, a pass over 2 configurations 2 s,
        // 1 warm-up + 3 rounds 8 s; of a 4 s budget the calibration pass took 2 s, and the 2 s
        // left allow a quarter of that.
        var result = Sweep.over("n", List.of(1, 2))
                .task("work", (v, size) -> { sizes.add(size); clock.spend(size * 1_000L, 1); return size; })
                .size(1_000_000).rounds(3).warmup(1).budget(Duration.ofSeconds(4))
                .clocks(clock.clocks()).notes(notes::add)
                .run();
        assertEquals(1_000_000, result.requestedSize());
        assertEquals(250_000, result.size());
        assertEquals(List.of(1_000_000, 1_000_000), sizes.subList(0, 2));
        assertTrue(sizes.subList(2, sizes.size()).stream().allMatch(s -> s == 250_000), sizes.toString());
        assertEquals(1, notes.size());
        assertTrue(notes.getFirst().contains("size shrunk from 1,000,000 to 250,000"), notes.getFirst());
        assertEquals(250.0, result.medianMillis("work", 1), 1e-9);
    }

    @Test
    void aSweepWithinItsBudgetKeepsItsSizeAndSaysNothing() {
        var clock = new FakeClocks();
        var notes = new ArrayList<String>();
        var result = Sweep.compare()
                .task("work", (v, size) -> { clock.spend(size, 1); return size; })
                .size(1000).rounds(5).warmup(1).budget(Duration.ofSeconds(1))
                .clocks(clock.clocks()).notes(notes::add)
                .run();
        assertEquals(1000, result.size());
        assertEquals(List.of(), notes);
    }

    @Test
    void theSizeNeverShrinksBelowOne() {
        var clock = new FakeClocks();
        var notes = new ArrayList<String>();
        var result = Sweep.compare()
                .task("slow", (v, size) -> { clock.spend(Duration.ofSeconds(10).toNanos(), 1); return size; })
                .size(10).rounds(1).warmup(0).budget(Duration.ofSeconds(1))
                .clocks(clock.clocks()).notes(notes::add)
                .run();
        assertEquals(1, result.size());
        assertTrue(notes.getFirst().contains("to 1 "), notes.getFirst());
    }

    @Test
    void aFailingTaskNamesItsVariantAndValue() {
        var boom = new ArithmeticException("/ by zero");
        var e = assertThrows(IllegalStateException.class, () -> Sweep.over("threads", List.of(1, 4))
                .task("fine", (v, n) -> v)
                .task("broken", (v, n) -> { if (v == 4) throw boom; return v; })
                .rounds(1).warmup(0)
                .run());
        assertTrue(e.getMessage().contains("\"broken\" with threads=4"), e.getMessage());
        assertSame(boom, e.getCause());
    }

    @Test
    void anInterruptedThreadStopsTheSweep() {
        try {
            Thread.currentThread().interrupt();
            var e = assertThrows(IllegalStateException.class, () -> Sweep.compare().task("t", (v, n) -> n).run());
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void everyResultGoesToTheSink() {
        long marker = 0x5EED_1234_5678L;
        try {
            Sink.arm(marker);
            Sweep.compare().task("t", (v, n) -> marker).rounds(1).warmup(0).run();
            assertEquals(marker, Sink.caught());
        } finally {
            Sink.disarm();
        }
    }

    @Test
    void quickModeShrinksTheDefaults() {
        var quick = Sweep.compare().environment(Map.of("COURSE_QUICK", "1")::get).settings();
        assertEquals(new Sweep.Settings(3, 1, Duration.ofSeconds(2)), quick);
        var normal = Sweep.compare().environment(Map.<String, String>of()::get).settings();
        assertEquals(new Sweep.Settings(5, 1, Duration.ofSeconds(6)), normal);
        var zero = Sweep.compare().environment(Map.of("COURSE_QUICK", "0")::get).settings();
        assertEquals(normal, zero);
        var empty = Sweep.compare().environment(Map.of("COURSE_QUICK", "")::get).settings();
        assertEquals(normal, empty);
    }

    @Test
    void explicitSettingsWinOverQuickMode() {
        var s = Sweep.compare().environment(Map.of("COURSE_QUICK", "yes")::get)
                .rounds(7).warmup(2).budget(Duration.ofSeconds(9)).settings();
        assertEquals(new Sweep.Settings(7, 2, Duration.ofSeconds(9)), s);
    }

    @Test
    void badInputGetsAMessageThatSaysWhatToDo() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.over("threads", List.of()))
                .getMessage().contains("at least one value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.over("threads", 1, 2, 1))
                .getMessage().contains("1 twice"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Sweep.compare().run())
                .getMessage().contains("add at least one task"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.compare().task("a", (v, n) -> 1).task("a", (v, n) -> 2))
                .getMessage().contains("already a task named \"a\""));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> Sweep.over("threads", 1, 2).task("a", (v, n) -> 1).baseline("a", 3).run())
                .getMessage().contains("baseline value 3"));
        assertThrows(IllegalArgumentException.class, () -> Sweep.compare().size(0));
        assertThrows(IllegalArgumentException.class, () -> Sweep.compare().rounds(0));
        assertThrows(IllegalArgumentException.class, () -> Sweep.compare().budget(Duration.ZERO));
    }

    @Test
    void aForcedProgressBarDoesNotChangeTheResult() {
        var result = Sweep.over("n", 1, 2).task("t", (v, n) -> v * n).rounds(2).warmup(0).extraRounds(0).progress(true).run();
        assertEquals(4, result.rounds().size());
        assertInstanceOf(Machine.class, result.machine());
    }

    @Test
    void unstableTimesGetExtraRoundsUpToTheCapWhileTheBudgetAllows() {
        var clock = new FakeClocks();
        long[] jitter = {10, 30, 10, 30, 10, 30, 10, 30, 10, 30, 10, 30};   // never settles
        var k = new AtomicInteger();
        var unstable = Sweep.compare()
                .task("a", (v, n) -> { clock.spend(jitter[k.getAndIncrement() % jitter.length] * MS, 1); return n; })
                .rounds(3).warmup(0).budget(Duration.ofHours(1)).clocks(clock.clocks()).readings(() -> Readings.NONE)
                .run();
        assertEquals(6, unstable.roundCount(), "3 rounds asked, 3 added (the default cap is the rounds asked for)");
        assertEquals(3, unstable.conditions().roundsAdded());
        assertTrue(unstable.conditions().unstable());

        k.set(0);
        var capped = Sweep.compare()
                .task("a", (v, n) -> { clock.spend(jitter[k.getAndIncrement() % jitter.length] * MS, 1); return n; })
                .rounds(3).warmup(0).extraRounds(1).budget(Duration.ofHours(1)).clocks(clock.clocks())
                .run();
        assertEquals(4, capped.roundCount());

        k.set(0);
        var tight = Sweep.compare()
                .task("a", (v, n) -> { clock.spend(jitter[k.getAndIncrement() % jitter.length] * MS, 1); return n; })
                .rounds(3).warmup(0).budget(Duration.ofMillis(100)).clocks(clock.clocks())
                .run();
        assertEquals(0, tight.conditions().roundsAdded(), "calibration and 3 rounds took 80 ms: another 30 ms round would pass 100 ms");
    }

    @Test
    void stableTimesGetNoExtraRounds() {
        var clock = new FakeClocks();
        var result = Sweep.over("threads", 1, 2)
                .task("t", (threads, n) -> { clock.spend(40 * MS / threads, threads); return n; })
                .rounds(3).warmup(0).budget(Duration.ofHours(1)).clocks(clock.clocks())
                .run();
        assertEquals(3, result.roundCount());
        assertEquals(0, result.conditions().roundsAdded());
        assertEquals(0.0, result.conditions().worstSpread(), 1e-12);
        assertEquals(80.0 / 60, result.conditions().cpuPerWall(), 1e-9, "CPU 40 ms on one thread plus 2 x 20 ms on two, over 60 ms of wall");
    }

    @Test
    void theMachineIsReadBeforeAndAfterMeasuringAndReportedOnTheResult() {
        var clock = new FakeClocks();
        var reads = new AtomicInteger();
        // before: 1000 ticks in all, 100 busy, 10 own; after: 2000 in all, 900 busy (+800), 310 own (+300), steal +100
        var result = Sweep.compare()
                .task("a", (v, n) -> { clock.spend(10 * MS, 1); return n; })
                .rounds(3).warmup(0).budget(Duration.ofHours(1)).clocks(clock.clocks())
                .readings(() -> reads.getAndIncrement() == 0
                        ? new Readings(3.5, 100, 0, 1000, 10)
                        : new Readings(4.0, 900, 100, 2000, 310))
                .run();
        var c = result.conditions();
        assertEquals(2, reads.get());
        assertEquals(3.5, c.loadBefore(), 1e-12);
        assertEquals(0.5, c.othersShare(), 1e-12, "(800 busy - 300 own) / 1000");
        assertEquals(0.1, c.stealShare(), 1e-12);
        assertTrue(c.busy());
        assertTrue(result.note().contains("BUSY"), result.note());
    }

    @Test
    void aListenerHearsEveryRunBetweenStartAndFinishEvenWhenATaskFails() {
        var events = new ArrayList<String>();
        SweepListener ears = new SweepListener() {
            @Override public void started(String title, long planned) { events.add("start " + title + " " + planned); }
            @Override public void ran() { events.add("ran"); }
            @Override public void finished() { events.add("finish"); }
        };
        Sweep.compare().title("x").task("a", (v, n) -> n).rounds(2).warmup(1).extraRounds(0).listener(ears).run();
        assertEquals(List.of("start x 4", "ran", "ran", "ran", "ran", "finish"), events);
        events.clear();
        assertThrows(IllegalStateException.class, () -> Sweep.compare().title("y").task("a", (v, n) -> { throw new java.io.IOException("no"); })
                .rounds(5).warmup(1).extraRounds(1).listener(ears).run());
        assertEquals(List.of("start y 7", "finish"), events, "planned: 1 warm-up + 5 rounds + 1 extra, whatever COURSE_QUICK says");
    }
}
