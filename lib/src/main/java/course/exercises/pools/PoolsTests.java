package course.exercises.pools;

import static course.grading.Feedback.require;

import course.grading.DependsOn;
import course.grading.Feedback;
import course.grading.Graded;
import course.grading.Points;
import course.grading.Stress;
import course.grading.Submission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Grades exercise 05-pools. */
@Graded("05-pools")
public class PoolsTests {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("results come back in input order")
    void keepsOrder() throws Exception {
        try (ExecutorService pool = pool(4)) {
            List<Integer> inputs = IntStream.range(0, 40).boxed().toList();
            // later inputs finish first: a solution that collects in completion order gets them reversed
            List<String> out = map(pool, inputs, i -> {
                sleep(2 * (40 - i));
                return "r" + i;
            });
            List<String> expected = inputs.stream().map(i -> "r" + i).toList();
            require(out.equals(expected), "order not kept: got %s… for inputs 0, 1, 2, …",
                    out.subList(0, Math.min(5, out.size())));
            require(map(pool, List.<Integer>of(), i -> i).isEmpty(), "an empty input must give an empty list");
        }
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("tasks run concurrently on the given pool")
    void runsConcurrentlyOnPool() throws Exception {
        try (ExecutorService pool = pool(4)) {
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger maxInFlight = new AtomicInteger();
            List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            map(pool, IntStream.range(0, 8).boxed().toList(), i -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                threads.add(Thread.currentThread().getName());
                sleep(100);
                inFlight.decrementAndGet();
                return i;
            });
            long wallMs = (System.nanoTime() - start) / 1_000_000;
            require(threads.stream().allMatch(n -> n.startsWith("graded-pool-")),
                    "tasks ran on %s, not on the pool you were given", threads.stream().filter(n -> !n.startsWith("graded-pool-")).findFirst().orElse("?"));
            require(maxInFlight.get() > 1, "secretly sequential: 8 tasks of 100 ms took %d ms with at most %d running at once (submit all tasks before waiting for any)",
                    wallMs, maxInFlight.get());
        }
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("a failure is thrown as ExecutionException with the first failure as cause")
    void throwsFirstFailure() throws Exception {
        try (ExecutorService pool = pool(4)) {
            ExecutionException e = expectFailure(pool, 20, 5, 30);
            require(e != null, "no exception thrown although input 5 failed");
            require(e.getCause() instanceof IllegalStateException && "boom 5".equals(e.getCause().getMessage()),
                    "the cause should be the first failure (IllegalStateException: boom 5), got %s", e.getCause());
        }
    }

    @Test
    @Order(4)
    @Points(3)
    @DisplayName("a failure cancels the remaining tasks at once")
    @DependsOn({"runsConcurrentlyOnPool"})
    void failureCancelsRest() throws Exception {
        try (ExecutorService pool = pool(2)) {
            AtomicInteger finished = new AtomicInteger();
            AtomicInteger interrupted = new AtomicInteger();
            long start = System.nanoTime();
            ExecutionException failure = null;
            try {
                map(pool, IntStream.range(0, 12).boxed().toList(), i -> {
                    if (i == 1) {
                        sleep(50);
                        throw new IllegalStateException("boom 1");
                    }
                    try {
                        Thread.sleep(1000);
                        finished.incrementAndGet();
                    } catch (InterruptedException ie) {
                        interrupted.incrementAndGet();
                    }
                    return i;
                });
            } catch (ExecutionException e) {
                failure = e;
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            require(failure != null, "no exception thrown although input 1 failed");
            require(ms < 800, "not fail-fast: map returned %d ms after the failure at 50 ms (it waited for slow tasks)", ms);
            pool.shutdown();
            pool.awaitTermination(3, TimeUnit.SECONDS);
            require(finished.get() == 0, "not cancelled: %d slow task(s) ran to the end after the failure (cancel the other futures with cancel(true))",
                    finished.get());
        }
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("the caller's pool stays usable")
    void poolStaysOpen() throws Exception {
        try (ExecutorService pool = pool(2)) {
            expectFailure(pool, 4, 0, 1);
            require(!pool.isShutdown(), "map shut down the caller's pool: it belongs to the caller");
            require(map(pool, List.of(1, 2, 3), i -> i * 10).equals(List.of(10, 20, 30)),
                    "the pool gave wrong results after a failed map");
        }
    }

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("an interrupted caller cancels the tasks")
    @DependsOn({"runsConcurrentlyOnPool", "failureCancelsRest"})
    void interruptedCallerCancels() throws Exception {
        ExecutorService pool = pool(2);
        try {
            PoolMapper mapper = Submission.create(PoolMapper.class);
            AtomicInteger finished = new AtomicInteger();
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread caller = Thread.ofPlatform().daemon().name("map-caller").start(() -> {
                try {
                    mapper.map(pool, IntStream.range(0, 6).boxed().toList(), i -> {
                        try {
                            Thread.sleep(1000);
                            finished.incrementAndGet();
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                        }
                        return i;
                    });
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            Thread.sleep(150);
            caller.interrupt();
            Throwable thrown;
            try {
                thrown = outcome.get(700, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("interruption ignored: the caller was interrupted while map waited and map kept waiting"
                        + " (let InterruptedException end the wait)");
            }
            if (thrown instanceof RuntimeException e && Feedback.isTodo(e)) {
                throw e;
            }
            require(thrown instanceof InterruptedException, "interrupted while waiting, map should throw InterruptedException,"
                    + " but it %s", thrown == null ? "returned normally" : "threw " + thrown);
            pool.shutdown();
            pool.awaitTermination(1500, TimeUnit.MILLISECONDS);
            require(finished.get() == 0, "interrupted caller: map threw, but %d task(s) ran on to the end (cancel the futures"
                    + " with cancel(true) when the wait is interrupted too, not only when a task fails)", finished.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static ExecutionException expectFailure(ExecutorService pool, int n, int failing, int delayMs) throws Exception {
        try {
            map(pool, IntStream.range(0, n).boxed().toList(), i -> {
                if (i == failing) {
                    throw new IllegalStateException("boom " + i);
                }
                sleep(delayMs);
                if (i == failing + 1) {
                    throw new IllegalArgumentException("later failure " + i);
                }
                return i;
            });
            return null;
        } catch (ExecutionException e) {
            return e;
        }
    }

    private static <T, R> List<R> map(ExecutorService pool, List<T> inputs, java.util.function.Function<T, R> f)
            throws Exception {
        PoolMapper mapper = Submission.create(PoolMapper.class);
        return Stress.bounded("map-caller", LIMIT, Map.of(), () -> mapper.map(pool, inputs, f));
    }

    private static ExecutorService pool(int n) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "graded-pool-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
