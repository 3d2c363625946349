package course.litmus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LitmusTest {

    static final class Marks {
        int a;
        int b;
        final AtomicInteger visits = new AtomicInteger();
    }

    private static boolean actorsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("litmus-actor-2") && t.isAlive());
    }

    @Test
    void everyStateIsRunByBothActorsExactlyOnceAndCounted() throws InterruptedException {
        LitmusResult r = Litmus.of("marks", Marks::new)
                .actor1(s -> { s.a = 1; s.visits.incrementAndGet(); })
                .actor2(s -> { s.b = 2; s.visits.incrementAndGet(); })
                .outcome(s -> s.a + "," + s.b + "," + s.visits.get())
                .forbidden("0,0,0")
                .budget(Duration.ofMillis(200))
                .batch(256)
                .run();
        assertTrue(r.runs() > 0, "no runs in 200 ms");
        assertEquals(r.runs() % 256, 0, "only whole batches are counted");
        assertEquals(java.util.Map.of("1,2,2", r.runs()), r.counts(), "each state saw both actors once");
        assertEquals(0, r.forbiddenCount());
        assertEquals(1e6, r.perMillion("1,2,2"), 1e-9);
        assertEquals(0, r.perMillion("never"));
        assertTrue(!actorsAlive(), "actor threads outlived the run");
    }

    @Test
    void endsByItsBudgetEvenWhenActorsAreSlow() throws InterruptedException {
        long t0 = System.nanoTime();
        LitmusResult r = Litmus.of("slow", Marks::new)
                .actor1(s -> sleep(20))
                .actor2(s -> { })
                .outcome(s -> "x")
                .budget(Duration.ofMillis(150))
                .run();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        // A 4,096-state batch at 20 ms a state would take 80 s: the run must give up at its deadline.
        assertTrue(ms < 5_000, "took " + ms + " ms");
        assertEquals(0, r.runs(), "an unfinished batch is not counted");
    }

    @Test
    void interestingAndForbiddenOutcomesAreCountedApart() throws InterruptedException {
        AtomicInteger n = new AtomicInteger();
        LitmusResult r = Litmus.of("alternating", Marks::new)
                .actor1(s -> { })
                .actor2(s -> { })
                .outcome(s -> n.getAndIncrement() % 2 == 0 ? "even" : "odd")
                .interesting("odd")
                .forbidden("even")
                .budget(Duration.ofMillis(100))
                .batch(2)
                .run();
        assertEquals(r.runs() / 2, r.interestingCount());
        assertEquals(r.runs() / 2, r.forbiddenCount());
        assertEquals(500_000, r.interestingPerMillion(), 1e-6);
        assertTrue(r.table().rowCount() == 2 && r.toString().contains("FORBIDDEN"));
    }

    @Test
    void anActorThatThrowsFailsTheRunByName() {
        var e = assertThrows(IllegalStateException.class, () -> Litmus.of("boom", Marks::new)
                .actor1(s -> { throw new ArithmeticException("bad actor"); })
                .actor2(s -> { })
                .outcome(s -> "x")
                .budget(Duration.ofSeconds(2))
                .run());
        assertTrue(e.getMessage().contains("boom") && e.getMessage().contains("bad actor"), e.getMessage());
        assertTrue(!actorsAlive());
    }

    @Test
    void incompleteTestsAndBadSettingsAreRefused() {
        var e = assertThrows(IllegalStateException.class, () -> Litmus.of("half", Marks::new).actor1(s -> { }).run());
        assertTrue(e.getMessage().contains("actor2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Litmus.of("t", Marks::new).budget(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Litmus.of("t", Marks::new).batch(0));
    }

    @Test
    void anInterruptedCallerStopsTheActors() {
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> Litmus.of("interrupted", Marks::new)
                .actor1(s -> { })
                .actor2(s -> { })
                .outcome(s -> "x")
                .budget(Duration.ofSeconds(10))
                .run());
        assertTrue(!Thread.currentThread().isInterrupted(), "the interrupt is reported once, by the exception");
        assertTrue(!actorsAlive());
    }

    private static LitmusResult result(long runs, java.util.Map<String, Long> counts, int cpus) {
        return new LitmusResult("SB", runs, counts, java.util.Set.of("0, 0"), java.util.Set.of("9, 9"),
                Duration.ofMillis(100), cpus, 0.5, cpus > 1 ? 1.9 : 1.0);
    }

    @Test
    void theVerdictSaysWhatThisRunCanShow() {
        var seen = result(1_000_000, java.util.Map.of("0, 0", 250L, "1, 1", 999_750L), 2).verdict();
        assertTrue(seen.contains("seen here") && seen.contains("250") && seen.contains("250.0 per million"), seen);
        var oneCpu = result(1_000_000, java.util.Map.of("1, 1", 1_000_000L), 1).verdict();
        assertTrue(oneCpu.contains("one CPU") && oneCpu.contains("cannot show"), oneCpu);
        var few = result(4_096, java.util.Map.of("1, 1", 4_096L), 2).verdict();
        assertTrue(few.contains("too few"), few);
        var notSeen = result(2_000_000, java.util.Map.of("1, 1", 2_000_000L), 8).verdict();
        assertTrue(notSeen.contains("not seen") && notSeen.contains("does not prove"), notSeen);
        var busy = new LitmusResult("SB", 2_000_000, java.util.Map.of("1, 1", 2_000_000L), java.util.Set.of("0, 0"),
                java.util.Set.of(), Duration.ofMillis(100), 2, 11.0, 0.9).verdict();
        assertTrue(busy.contains("busy") && busy.contains("cannot tell") && busy.contains("0.9 CPUs"), busy);
        var loadedButFree = new LitmusResult("SB", 2_000_000, java.util.Map.of("1, 1", 2_000_000L), java.util.Set.of("0, 0"),
                java.util.Set.of(), Duration.ofMillis(100), 2, 11.0, 1.95).verdict();
        assertTrue(loadedButFree.contains("not seen") && loadedButFree.contains("does not prove"),
                "a high load average left by earlier work is not 'busy' when the actors had their CPUs: " + loadedButFree);
        var promised = new LitmusResult("SB", 2_000_000, java.util.Map.of("1, 1", 2_000_000L), java.util.Set.of(),
                java.util.Set.of("0, 0"), Duration.ofMillis(100), 2, 0.1, 1.9).verdict();
        assertTrue(promised.contains("did not appear") && promised.contains("promises"), promised);
        var bug = result(2_000_000, java.util.Map.of("9, 9", 1L, "1, 1", 1_999_999L), 1).verdict();
        assertTrue(bug.contains("FORBIDDEN"), bug);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
