package course.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.testing.Together;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ProgressTest {

    private static final long INTERVAL = 100;

    private final AtomicLong clock = new AtomicLong(1_000);
    private final List<Progress.View> views = Collections.synchronizedList(new ArrayList<>());

    private Progress start(long total) {
        return new Progress("work", total, clock::get, INTERVAL, first -> {
            views.add(first);
            return views::add;
        });
    }

    @Test
    void redrawsAtMostOncePerIntervalAndAlwaysAtClose() {
        try (var p = start(1000)) {
            for (int i = 0; i < 500; i++) {
                p.advance();
            }
            assertEquals(1, views.size(), "the clock has not moved: only the first view");
            clock.addAndGet(INTERVAL);
            p.advance();
            p.advance();
            assertEquals(2, views.size());
            assertEquals(501, views.get(1).done());
            clock.addAndGet(INTERVAL - 1);
            p.advance(10);
            assertEquals(2, views.size());
        }
        assertEquals(3, views.size());
        var last = views.getLast();
        assertTrue(last.finished());
        assertEquals(512, last.done());
        assertTrue(last.status().contains("stopped"), last.status());
    }

    @Test
    void manyThreadsAdvanceWithoutLosingSteps() throws Exception {
        int threads = 8;
        int steps = 20_000;
        var p = start((long) threads * steps);
        Together.run(threads, t -> {
            for (int i = 0; i < steps; i++) {
                clock.incrementAndGet();
                p.advance();
            }
        });
        p.close();
        p.advance(); // after close: counted, never drawn
        var snapshot = List.copyOf(views);
        var last = snapshot.getLast();
        assertTrue(last.finished());
        assertEquals((long) threads * steps, last.done());
        assertEquals(1, snapshot.stream().filter(Progress.View::finished).count());
        for (int i = 1; i < snapshot.size(); i++) {
            assertTrue(snapshot.get(i - 1).done() <= snapshot.get(i).done(), "views never go backwards");
        }
        assertTrue(snapshot.size() <= 2 + (long) threads * steps / INTERVAL, "throttled: " + snapshot.size() + " views");
        assertTrue(last.status().contains("160,000 / 160,000 (100%)"), last.status());
        assertTrue(last.toMime().data().get(MimeBundle.HTML).contains("width:100.0%"));
        assertTrue(last.toMime().plainText().contains("[" + "#".repeat(30) + "]"), last.toMime().plainText());
    }

    @Test
    void unknownTotalsAndBadStepsAreHandled() {
        try (var p = start(0)) {
            p.advance(5);
            assertEquals(5, p.done());
        }
        assertTrue(views.getLast().status().startsWith("5 done"), views.getLast().status());
        assertThrows(IllegalArgumentException.class, () -> start(-1));
        try (var p = start(3)) {
            assertThrows(IllegalArgumentException.class, () -> p.advance(-1));
        }
    }

    @Test
    void theRealBarPrintsItsFinalStateOutsideAKernel() {
        try (var p = Progress.start("real", 2)) {
            p.advance(2);
            assertEquals(2, p.done());
            assertEquals(2, p.total());
        }
    }
}
