package course.exercises.pipeline;

import static course.grading.Feedback.require;

import course.grading.DependsOn;
import course.grading.Graded;
import course.grading.Points;
import course.grading.Stress;
import course.grading.Submission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Grades exercise 08-producers-and-consumers. */
@Graded("08-producers-and-consumers")
public class PipelineTests {

    private static final Duration PATIENCE = Duration.ofSeconds(2);
    private static final Duration LIMIT = Duration.ofSeconds(10);

    /** What the grader's source and sink saw during one run. */
    private static final class Probe {
        final int items;
        final AtomicIntegerArray made;
        final AtomicIntegerArray consumed;
        final AtomicInteger sinkEntered = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final Set<Thread> producerThreads = ConcurrentHashMap.newKeySet();
        final Set<Thread> consumerThreads = ConcurrentHashMap.newKeySet();
        final AtomicInteger madeCount = new AtomicInteger();

        Probe(int items) {
            this.items = items;
            this.made = new AtomicIntegerArray(items);
            this.consumed = new AtomicIntegerArray(items);
        }

        Integer make(int index) {
            require(index >= 0 && index < items, "the source was asked for index %d, outside 0 .. %d", index, items - 1);
            producerThreads.add(Thread.currentThread());
            made.incrementAndGet(index);
            int inFlight = madeCount.incrementAndGet() - sinkEntered.get();
            maxInFlight.accumulateAndGet(inFlight, Math::max);
            return index;
        }

        void accept(Integer item) {
            consumerThreads.add(Thread.currentThread());
            sinkEntered.incrementAndGet();
            require(item != null, "the sink was given null");
            consumed.incrementAndGet(item);
        }
    }

    private static Pipeline pipeline() {
        return Submission.create(Pipeline.class);
    }

    private static Pipeline.Report run(Pipeline.Job job, String what) throws Exception {
        Pipeline p = pipeline();
        try {
            Pipeline.Report report = Stress.bounded("run", LIMIT, Map.of(), () -> p.run(job));
            require(report != null, "run returned null instead of a Report");
            require(report.failures() != null, "the Report's failures are null: return an empty list when nothing failed");
            return report;
        } catch (AssertionError e) {
            if (String.valueOf(e.getMessage()).startsWith("hang")) {
                throw new AssertionError("hung: run() did not return within " + LIMIT.toSeconds() + " s with " + what
                        + ": a wait without a time limit (put, take, join, await, get), or a thread waiting for a pill"
                        + " or a signal that never comes; " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** Every index made exactly once (unless {@code failedAt} failed) and every item made consumed exactly once. */
    private static void requireExactlyOnce(Probe probe, Pipeline.Report report, int failedAt) {
        int lost = 0;
        int duplicated = 0;
        int example = -1;
        int madeTwice = 0;
        int made = 0;
        for (int k = 0; k < probe.items; k++) {
            int m = probe.made.get(k);
            int c = probe.consumed.get(k);
            madeTwice += m > 1 ? 1 : 0;
            made += m > 0 ? 1 : 0;
            if (k == failedAt) {
                continue;
            }
            if (c == 0) {
                lost++;
                example = example < 0 ? k : example;
            } else if (c > 1) {
                duplicated++;
                example = example < 0 ? k : example;
            }
        }
        require(madeTwice == 0, "%d indexes were made twice: two producers took the same index (split the range, or"
                + " hand out indexes atomically)", madeTwice);
        require(duplicated == 0, "duplicated: %d items consumed more than once (e.g. item %d): two consumers took the same"
                + " item (a shared index or a peek-then-remove that is not atomic; take each item with one queue operation)",
                duplicated, example);
        require(lost == 0, "lost items: %d of %d items never consumed (e.g. item %d): a consumer stopped before the stream was"
                + " over (a pill per producer, pills sent before every producer finished, a consumer that stops when the queue"
                + " is momentarily empty) or a producer dropped an item; failures reported: %s",
                lost, probe.items - (failedAt >= 0 ? 1 : 0), example, report.failures());
        require(report.produced() == made, "the Report says %d produced, the source made %d", report.produced(), made);
    }

    private static void requireNoFailures(Pipeline.Report report) {
        require(report.failures().isEmpty(), "nothing failed, yet run reported %d failure(s): %s (a wait ran out: a pill or"
                + " an item that never came, or a consumer stopped too early)", report.failures().size(), report.failures());
    }

    private static Pipeline.Report exactlyOnce(int producers, int consumers, int items, int capacity) throws Exception {
        Probe probe = new Probe(items);
        Pipeline.Job job = new Pipeline.Job(producers, consumers, items, capacity, PATIENCE, probe::make, probe::accept);
        Pipeline.Report report = run(job, producers + " producers and " + consumers + " consumers");
        requireExactlyOnce(probe, report, -1);
        requireNoFailures(report);
        require(report.consumed() == items, "the Report says %d consumed, the sink consumed %d", report.consumed(), items);
        return report;
    }

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("warm-up: one producer, one consumer, every item once")
    void oneProducerOneConsumer() throws Exception {
        exactlyOnce(1, 1, 100, 4);
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("3 producers, 2 consumers, 601 items (not divisible), exactly once")
    @DependsOn("oneProducerOneConsumer")
    void manyProducersManyConsumers() throws Exception {
        Stress.repeat(Duration.ofSeconds(2), 5, round -> exactlyOnce(3, 2, 601, 8));
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("more producers than consumers: 8 producers, 1 consumer")
    @DependsOn("oneProducerOneConsumer")
    void moreProducersThanConsumers() throws Exception {
        Stress.repeat(Duration.ofSeconds(2), 5, round -> exactlyOnce(8, 1, 803, 4));
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("more consumers than producers: 1 producer, 8 consumers")
    @DependsOn("oneProducerOneConsumer")
    void moreConsumersThanProducers() throws Exception {
        Stress.repeat(Duration.ofSeconds(2), 5, round -> exactlyOnce(1, 8, 500, 4));
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("the producers run at the same time, and so do the consumers")
    @DependsOn("oneProducerOneConsumer")
    void threadsRunTogether() throws Exception {
        int producers = 3;
        int consumers = 3;
        int items = 300;
        Probe probe = new Probe(items);
        CountDownLatch allProducers = new CountDownLatch(producers);
        CountDownLatch allConsumers = new CountDownLatch(consumers);
        Set<Thread> firstMake = ConcurrentHashMap.newKeySet();
        Set<Thread> firstAccept = ConcurrentHashMap.newKeySet();
        AtomicInteger producersMet = new AtomicInteger();
        AtomicInteger consumersMet = new AtomicInteger();
        Pipeline.Source source = index -> {
            if (firstMake.add(Thread.currentThread())) {
                allProducers.countDown();
                if (allProducers.await(2, TimeUnit.SECONDS)) {
                    producersMet.incrementAndGet();
                }
            }
            return probe.make(index);
        };
        Pipeline.Sink sink = item -> {
            if (firstAccept.add(Thread.currentThread())) {
                allConsumers.countDown();
                if (allConsumers.await(2, TimeUnit.SECONDS)) {
                    consumersMet.incrementAndGet();
                }
            }
            probe.accept(item);
        };
        Pipeline.Report report = run(new Pipeline.Job(producers, consumers, items, 8, Duration.ofSeconds(6), source, sink),
                "3 producers and 3 consumers");
        require(probe.producerThreads.size() == producers && producersMet.get() == producers,
                "sequential producers: %d thread(s) called the source and they were not all active at once within 2 s"
                        + " (start every producer before waiting for any)", probe.producerThreads.size());
        require(probe.consumerThreads.size() == consumers && consumersMet.get() == consumers,
                "sequential consumers: %d thread(s) called the sink and they were not all active at once within 2 s"
                        + " (start every consumer before waiting for any)", probe.consumerThreads.size());
        requireExactlyOnce(probe, report, -1);
    }

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("every thread has ended when run returns")
    @DependsOn("oneProducerOneConsumer")
    void everyThreadEnds() throws Exception {
        Probe probe = new Probe(200);
        Pipeline.Report report = run(new Pipeline.Job(2, 2, 200, 4, PATIENCE, probe::make, probe::accept),
                "2 producers and 2 consumers");
        requireExactlyOnce(probe, report, -1);
        List<Thread> threads = new ArrayList<>(probe.producerThreads);
        threads.addAll(probe.consumerThreads);
        List<String> alive = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Duration.ofNanos(left));
            }
            if (t.isAlive() && t != Thread.currentThread()) {
                alive.add(t.getName() + " (" + t.getState() + ")");
            }
        }
        require(alive.isEmpty(), "threads still alive 2 s after run returned: %s (close or shut down your executor, join"
                + " your threads, and stop every consumer with its pill)", alive);
    }

    @Test
    @Order(7)
    @Points(2)
    @DisplayName("a failing producer is reported and the run still ends")
    @DependsOn("manyProducersManyConsumers")
    void failingProducerReported() throws Exception {
        int items = 600;
        int failAt = 250;
        Probe probe = new Probe(items);
        IllegalStateException boom = new IllegalStateException("planted failure: the source failed at item " + failAt);
        Pipeline.Source source = index -> {
            if (index == failAt) {
                probe.producerThreads.add(Thread.currentThread());
                throw boom;
            }
            return probe.make(index);
        };
        Pipeline.Report report = run(new Pipeline.Job(3, 2, items, 8, PATIENCE, source, probe::accept),
                "a producer that fails");
        boolean reported = report.failures().stream().anyMatch(PipelineTests::isBoom);
        require(reported, "failure not reported: the source threw at item %d and the Report's failures are %s (catch the"
                + " producer's exception, e.g. from Future.get, and add it; count a finished producer in a finally block)",
                failAt, report.failures());
        require(report.failures().size() == 1, "one producer failed, yet %d failures were reported: %s (the others must go"
                + " on and end normally)", report.failures().size(), report.failures());
        // every item made, before or after the failure, is consumed exactly once
        int lost = 0;
        int example = -1;
        for (int k = 0; k < items; k++) {
            if (probe.made.get(k) == 1 && probe.consumed.get(k) != 1) {
                lost++;
                example = example < 0 ? k : example;
            }
        }
        require(lost == 0, "%d items made were not consumed exactly once (e.g. item %d): after a producer fails, the items"
                + " made so far must still reach the consumers", lost, example);
    }

    private static boolean isBoom(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (String.valueOf(x.getMessage()).startsWith("planted failure")) {
                return true;
            }
        }
        return false;
    }

    @Test
    @Order(8)
    @Points(2)
    @DisplayName("stretch: a slow consumer: nothing dropped, the queue stays bounded")
    @DependsOn("moreProducersThanConsumers")
    void slowConsumerBoundedQueue() throws Exception {
        int producers = 3;
        int items = 150;
        int capacity = 2;
        Probe probe = new Probe(items);
        Pipeline.Sink slow = item -> {
            Thread.sleep(2);
            probe.accept(item);
        };
        Pipeline.Report report = run(new Pipeline.Job(producers, 1, items, capacity, PATIENCE, probe::make, slow),
                "a slow consumer");
        requireExactlyOnce(probe, report, -1);
        requireNoFailures(report);
        int bound = capacity + producers + 1;
        require(probe.maxInFlight.get() <= bound, "unbounded queue: up to %d items were made but not yet consumed, more than"
                + " the capacity %d plus one per thread (use a queue of the job's capacity, e.g. ArrayBlockingQueue)",
                probe.maxInFlight.get(), capacity);
    }

    @Test
    @Order(9)
    @Points(2)
    @DisplayName("stretch: every consumer fails: the waits run out, the run ends and says so")
    @DependsOn("failingProducerReported")
    void everyConsumerFails() throws Exception {
        int consumers = 2;
        Probe probe = new Probe(24);
        Pipeline.Sink failing = item -> {
            probe.accept(item);
            throw new IllegalStateException("planted failure: the sink failed");
        };
        long start = System.nanoTime();
        Pipeline.Report report = run(new Pipeline.Job(2, consumers, 24, 4, Duration.ofMillis(300), probe::make, failing),
                "consumers that all fail (the producers must give up after the patience, 300 ms)");
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long sinkFailures = report.failures().stream().filter(PipelineTests::isBoom).count();
        boolean timedOut = report.failures().stream().anyMatch(t -> t instanceof TimeoutException
                || t.getCause() instanceof TimeoutException);
        require(sinkFailures == consumers, "%d consumers failed, and %d of those failures were reported: %s", consumers,
                sinkFailures, report.failures());
        require(timedOut, "lost items on timeout: nobody could take items, yet no wait was reported as a TimeoutException"
                + " (a put that gives up must fail loudly, not drop the item): %s; run took %d ms", report.failures(), ms);
    }
}
