package course.exercises.threads;

import static course.grading.Feedback.require;

import course.grading.DependsOn;
import course.grading.Graded;
import course.grading.Inconclusive;
import course.grading.Interleaving;
import course.grading.Points;
import course.grading.Stress;
import course.grading.Submission;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Grades exercise 01-threads. */
@Graded("01-threads")
public class ThreadsTests {

    private static final int THREADS = 8;
    private static final long WINDOW_MS = 250;

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("counter counts on one thread")
    void counterSingleThread() {
        Counter counter = Submission.create(Counter.class);
        for (int i = 0; i < 1000; i++) {
            counter.increment();
        }
        require(counter.get() == 1000, "counted %,d of 1,000 increments on a single thread", counter.get());
    }

    @Test
    @Order(2)
    @Points(3)
    @DisplayName("counter loses no update under contention")
    void counterNoLostUpdates() throws Exception {
        // time-based: every thread increments until the window closes, so even on one CPU the threads are
        // preempted mid-increment many times (Interleaving: the racing code interpreted, every bytecode a step of
        // its own, and preempter threads); each thread counts its own calls, so the total is known.
        // Beside each increment the threads also bump a canary, a counter with a plain count++ (wrong on purpose):
        // every round in which the canary loses updates is proof that the threads interleaved mid-increment. The
        // whole budget is always spent: a counter whose increment is mostly locking (synchronized on a new object)
        // has a far narrower window than the canary, and loses updates in only some of the rounds on one CPU
        int canaryRounds = 0;
        long deadline = System.nanoTime() + Stress.budget(Duration.ofSeconds(3)).toNanos();
        try (Interleaving interleaving = Interleaving.interpreted(ThreadsTests.class)) {
            for (int round = 0; round < 12 && (round == 0 || System.nanoTime() < deadline); round++) {
                Counter counter = Submission.create(Counter.class);
                AtomicBoolean stop = new AtomicBoolean();
                long[] calls = new long[THREADS];
                Canary canary = new Canary();
                Thread timer = Thread.ofPlatform().daemon().start(() -> {
                    try {
                        Thread.sleep(WINDOW_MS);
                    } catch (InterruptedException e) {
                        // the race ended first
                    }
                    stop.set(true);
                });
                Stress.race("counter", THREADS, Duration.ofSeconds(5), Map.of(), i -> {
                    long n = 0;
                    // a volatile read per increment: the JIT cannot fuse a plain counter's increments into one add
                    while (!stop.get()) {
                        counter.increment();
                        canary.increment();
                        n++;
                    }
                    calls[i] = n;
                });
                timer.interrupt();
                long expected = LongStream.of(calls).sum();
                canaryRounds += canary.count < expected ? 1 : 0;
                require(counter.get() == expected, "lost update: %,d of %,d increments counted (%d threads at once):"
                        + " make increment atomic", counter.get(), expected, THREADS);
            }
        }
        Inconclusive.unless(canaryRounds > 0, "the %d counting threads never interleaved mid-increment (a plain"
                + " count++ beside your counter lost no update either)", THREADS);
    }

    /** A deliberately unsafe counter: proof that the threads interleaved inside an increment. */
    private static final class Canary {
        long count;

        void increment() {
            count++;
        }
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("sum splits chunks exactly")
    void sumSplitsExactly() throws Exception {
        int[][] cases = {{10, 3}, {7, 7}, {5, 8}, {1, 4}, {0, 3}, {1001, 4}, {100, 1}};
        for (int[] c : cases) {
            long[] values = LongStream.rangeClosed(1, c[0]).toArray();
            long expected = (long) c[0] * (c[0] + 1) / 2;
            long got = sum(values, c[1]);
            require(got == expected, "wrong sum of 1..%d over %d threads: expected %,d, got %,d%s", c[0], c[1], expected,
                    got, got < expected ? " (an element was skipped: do the chunks cover the whole array?)"
                            : " (an element was counted twice: do the chunks overlap?)");
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("sum runs its threads at the same time and joins them")
    void sumUsesThreads() throws Exception {
        long[] values = new SplittableRandom(7).longs(4_000_000, -1000, 1000).toArray();
        long expected = LongStream.of(values).sum();
        var threads = ManagementFactory.getThreadMXBean();
        int[] alive = {0};
        long[] started = {Long.MAX_VALUE};
        // alive at once = the JVM's peak thread count during the call minus the threads before it and the caller
        Stress.repeat(Duration.ofSeconds(2), 6, round -> {
            if (alive[0] >= 2) {
                return;
            }
            long before = threads.getTotalStartedThreadCount();
            int live = threads.getThreadCount();
            threads.resetPeakThreadCount();
            long got = sum(values, 4);
            alive[0] = Math.max(alive[0], threads.getPeakThreadCount() - live - 1);
            started[0] = Math.min(started[0], threads.getTotalStartedThreadCount() - before - 1); // minus the bounded caller
            require(got == expected, "wrong sum with 4 threads: expected %,d, got %,d (are all threads joined before you add up?)",
                    expected, got);
        });
        require(started[0] >= 3, "sequential: only %d new thread(s) started for 4 threads (start them with new Thread(...).start())",
                started[0]);
        require(alive[0] >= 2, "sequential: %d threads started, but never more than %d of them alive at the same time (start"
                + " them all first, then join them all)", started[0], alive[0]);
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("sum matches the sequential sum for 1 to 8 threads")
    @DependsOn({"sumSplitsExactly"})
    void sumMatchesSequential() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        for (int threads = 1; threads <= THREADS; threads++) {
            long[] values = random.longs(100_000 + random.nextInt(1000), -1_000_000, 1_000_000).toArray();
            long expected = LongStream.of(values).sum();
            long got = sum(values, threads);
            require(got == expected, "wrong sum of %,d values over %d threads: expected %,d, got %,d", values.length, threads,
                    expected, got);
        }
    }

    private static long sum(long[] values, int threads) throws Exception {
        ParallelSum sum = Submission.create(ParallelSum.class);
        return Stress.bounded("sum-caller", Duration.ofSeconds(5), Map.of(), () -> sum.sum(values, threads));
    }
}
