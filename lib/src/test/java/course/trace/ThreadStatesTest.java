package course.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadStatesTest {

    private static RunState dominant(StateTimeline t, String thread) {
        StateTimeline.Row row = t.row(thread).orElseThrow(() -> new AssertionError(thread + " not sampled: " + t.threads()));
        return java.util.Arrays.stream(RunState.values()).max(Comparator.comparingDouble(row::share)).orElseThrow();
    }

    private static boolean samplerAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("course-state-sampler"));
    }

    @Test
    void eachThreadIsSeenInTheStateItHolds() throws Exception {
        Object monitor = new Object();
        Object waitRoom = new Object();
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        StateTimeline t = ThreadStates.sample().every(Duration.ofMillis(1)).during(() -> {
            synchronized (monitor) {
                threads.add(Thread.ofPlatform().name("t-blocked").start(() -> { synchronized (monitor) { } }));
                threads.add(Thread.ofPlatform().name("t-parked").start(() -> await(release)));
                threads.add(Thread.ofPlatform().name("t-sleeping").start(() -> sleep(400)));
                threads.add(Thread.ofPlatform().name("t-waiting").start(() -> {
                    synchronized (waitRoom) {
                        try {
                            waitRoom.wait(400);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }));
                threads.add(Thread.ofPlatform().name("t-running").start(() -> {
                    long end = System.nanoTime() + 300_000_000L;
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                }));
                sleep(300);
            }
            release.countDown();
            for (Thread th : threads) {
                th.join(5_000);
            }
        });
        assertEquals(RunState.BLOCKED, dominant(t, "t-blocked"));
        assertEquals(RunState.PARKED, dominant(t, "t-parked"));
        assertEquals(RunState.SLEEPING, dominant(t, "t-sleeping"));
        assertEquals(RunState.WAITING, dominant(t, "t-waiting"));
        assertEquals(RunState.RUNNING, dominant(t, "t-running"));
        assertTrue(t.samples() > 0 && !t.truncated());
        assertEquals(5, t.table().rowCount());
        assertFalse(samplerAlive(), "the sampler outlived the recording");
    }

    @Test
    void aNameFilterPicksThreadsStartedEarlier() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Thread early = Thread.ofPlatform().name("early-worker").start(() -> await(stop));
        try {
            StateTimeline t = ThreadStates.sample().threadsNamed("early-").during(() -> sleep(50));
            assertEquals(List.of("early-worker"), t.threads());
            StateTimeline none = ThreadStates.sample().during(() -> sleep(30));
            assertFalse(none.threads().contains("early-worker"), "a thread from before is not sampled by default");
        } finally {
            stop.countDown();
            early.join(5_000);
        }
    }

    @Test
    void aFailingBodyIsRethrownAndTheSamplerStops() {
        var e = assertThrows(IllegalStateException.class,
                () -> ThreadStates.sample().during(() -> { throw new IllegalStateException("demo failed"); }));
        assertEquals("demo failed", e.getMessage());
        assertFalse(samplerAlive());
        assertThrows(IllegalArgumentException.class, () -> ThreadStates.sample().every(Duration.ofNanos(10)));
    }

    @Test
    void sharesAddUpPerRow() {
        var row = new StateTimeline.Row("w", List.of(
                new StateTimeline.Segment(RunState.RUNNING, 0, 30),
                new StateTimeline.Segment(RunState.BLOCKED, 30, 100)));
        assertEquals(0.3, row.share(RunState.RUNNING), 1e-9);
        assertEquals(0.7, row.share(RunState.BLOCKED), 1e-9);
        var t = new StateTimeline(List.of(row, new StateTimeline.Row("v", List.of(
                new StateTimeline.Segment(RunState.PARKED, 0, 100)))), Duration.ofMillis(1), 100, Duration.ofMillis(100), 2, false);
        assertEquals(0.5, t.share(RunState.PARKED), 1e-9);
        assertEquals(0.0, new StateTimeline.Row("x", List.of()).share(RunState.RUNNING));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
