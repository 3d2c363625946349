package course.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ItemsTest {

    private static final List<Integer> SQUARES = IntStream.range(0, 10).map(i -> i * i).boxed().toList();

    @Test
    void sequentialRunsOnTheCallerInOrder() throws Exception {
        Set<Thread> ran = ConcurrentHashMap.newKeySet();
        List<Integer> results = Items.sequential(10, i -> {
            ran.add(Thread.currentThread());
            return i * i;
        });
        assertEquals(SQUARES, results);
        assertEquals(Set.of(Thread.currentThread()), ran);
    }

    @Test
    void onThreadsSpreadsItemsRoundRobinAndKeepsItemOrder() throws Exception {
        Map<Integer, String> threadOf = new ConcurrentHashMap<>();
        List<Integer> results = Items.onThreads(3, 10, i -> {
            threadOf.put(i, Thread.currentThread().getName());
            return i * i;
        });
        assertEquals(SQUARES, results);
        assertEquals(3, Set.copyOf(threadOf.values()).size());
        for (int i = 0; i < 10; i++) {
            assertEquals(threadOf.get(i % 3), threadOf.get(i), "item " + i + " runs on the thread of item " + i % 3);
        }
    }

    @Test
    void onThreadsRunsTheThreadsAtTheSameTime() throws Exception {
        CountDownLatch allStarted = new CountDownLatch(4);
        List<Boolean> met = Items.onThreads(4, 4, i -> {
            allStarted.countDown();
            return allStarted.await(10, TimeUnit.SECONDS);
        });
        assertEquals(List.of(true, true, true, true), met);
    }

    @Test
    void aFailingItemFailsTheBatchWithItsCause() {
        for (Items.Item<Integer> failing : List.<Items.Item<Integer>>of(i -> 10 / (i - 3))) {
            var seq = assertThrows(ExecutionException.class, () -> Items.sequential(5, failing));
            var threads = assertThrows(ExecutionException.class, () -> Items.onThreads(2, 5, failing));
            var pool = assertThrows(ExecutionException.class, () -> Items.onExecutor(Executors.newFixedThreadPool(2), 5, failing));
            for (ExecutionException e : List.of(seq, threads, pool)) {
                assertInstanceOf(ArithmeticException.class, e.getCause());
            }
            assertTrue(seq.getMessage().contains("item 3"), seq.getMessage());
            assertTrue(threads.getMessage().contains("item 3"), threads.getMessage());
        }
    }

    @Test
    void onExecutorReturnsResultsInItemOrderAndClosesTheExecutor() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        assertEquals(SQUARES, Items.onExecutor(pool, 10, i -> {
            Thread.sleep(10 - i);          // later items finish first
            return i * i;
        }));
        assertTrue(pool.isTerminated());
    }

    @Test
    void aFailureOnAnExecutorCancelsTheOtherItems() {
        long start = System.nanoTime();
        var e = assertThrows(ExecutionException.class, () -> Items.onExecutor(Executors.newFixedThreadPool(2), 2, i -> {
            if (i == 0) {
                throw new IllegalStateException("item 0 fails at once");
            }
            Thread.sleep(30_000);      // interrupted by the cancel, or the test would take 30 s
            return i;
        }));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "the sleeping item was not cancelled");
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        var threads = assertThrows(IllegalArgumentException.class, () -> Items.onThreads(0, 4, i -> i));
        assertTrue(threads.getMessage().contains("at least 1 thread"), threads.getMessage());
        var items = assertThrows(IllegalArgumentException.class, () -> Items.sequential(-1, i -> i));
        assertTrue(items.getMessage().contains("negative"), items.getMessage());
        assertEquals(List.of(), assertDoesNotFail(() -> Items.onThreads(2, 0, i -> i)));
    }

    private static <T> T assertDoesNotFail(java.util.concurrent.Callable<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
