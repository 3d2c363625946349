package course.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.testing.Together;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TimelineTest {

    @Test
    void recordsEverySpanFromManyThreadsAtOnce() throws Exception {
        int threads = 8;
        int perThread = 500;
        var tl = Timeline.start();
        Together.run(threads, id -> {
            for (int i = 0; i < perThread; i++) {
                switch (i % 3) {
                    case 0 -> tl.run("r" + id + "-" + i, () -> Sink.consume(id));
                    case 1 -> tl.wrap("w" + id + "-" + i, () -> Sink.consume(id)).run();
                    default -> {
                        try (var open = tl.begin("b" + id + "-" + i)) {
                            Sink.consume(id);
                        }
                    }
                }
            }
        });
        List<Span> spans = tl.spans();
        assertEquals(threads * perThread, spans.size());
        assertEquals(threads, tl.threads().size());
        assertEquals(threads * perThread, spans.stream().map(Span::task).distinct().count(), "no span lost or duplicated");
        for (int i = 1; i < spans.size(); i++) {
            assertTrue(spans.get(i - 1).startNanos() <= spans.get(i).startNanos(), "ordered by start");
        }
        var byThread = spans.stream().collect(Collectors.groupingBy(Span::thread));
        for (var own : byThread.values()) {
            assertEquals(perThread, own.size());
            for (int i = 1; i < own.size(); i++) {
                assertFalse(own.get(i - 1).overlaps(own.get(i)), "one thread runs one task at a time");
            }
        }
        assertTrue(tl.maxConcurrency() >= 1 && tl.maxConcurrency() <= threads);
    }

    @Test
    void spansAreRelativeToTheStartAndSurviveExceptions() throws Exception {
        var clock = new FakeClocks();
        var tl = Timeline.start(clock.clocks());
        clock.spend(5, 1);
        tl.run("a", () -> clock.spend(10, 1));
        assertThrows(IllegalStateException.class, () -> tl.run("fails", () -> {
            clock.spend(3, 1);
            throw new IllegalStateException("boom");
        }));
        String value = tl.call("c", () -> {
            clock.spend(2, 1);
            return "done";
        });
        assertEquals("done", value);
        String me = Timeline.threadName(Thread.currentThread());
        assertEquals(List.of(new Span(me, "a", 5, 15), new Span(me, "fails", 15, 18), new Span(me, "c", 18, 20)), tl.spans());
        assertEquals(1, tl.maxConcurrency());
    }

    @Test
    void maxConcurrencyCountsOverlapsButNotTouchingSpans() {
        var clock = new FakeClocks();
        var tl = Timeline.start(clock.clocks());
        var a = tl.begin("a");
        var b = tl.begin("b");
        clock.spend(10, 1);
        a.close();
        b.close();
        var c = tl.begin("c");
        clock.spend(10, 1);
        c.close();
        c.close(); // a second close records nothing
        assertEquals(3, tl.spans().size());
        assertEquals(2, tl.maxConcurrency());
    }

    @Test
    void unnamedVirtualThreadsGetAReadableName() throws Exception {
        var t = Thread.ofVirtual().unstarted(() -> { });
        assertEquals("virtual #" + t.threadId(), Timeline.threadName(t));
    }
}
