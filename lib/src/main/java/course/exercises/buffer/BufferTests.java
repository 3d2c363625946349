package course.exercises.buffer;

import static course.grading.Feedback.require;

import course.grading.DependsOn;
import course.grading.Feedback;
import course.grading.Graded;
import course.grading.Interleaving;
import course.grading.Points;
import course.grading.Stress;
import course.grading.Submission;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Grades exercise 07-bounded-buffer. */
@Graded("07-bounded-buffer")
public class BufferTests {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    @SuppressWarnings("unchecked")
    private static BoundedBuffer<Integer> buffer(int capacity) {
        return Submission.create(BoundedBuffer.class, capacity);
    }

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("first in, first out on one thread")
    void fifo() throws Exception {
        BoundedBuffer<Integer> b = buffer(3);
        Stress.bounded("fifo", LIMIT, Map.of(), () -> {
            for (int round = 0; round < 3; round++) {
                b.put(1);
                b.put(2);
                b.put(3);
                require(b.size() == 3, "size() is %d after 3 puts", b.size());
                int x = b.take(), y = b.take(), z = b.take();
                require(x == 1 && y == 2 && z == 3, "not first-in first-out: put 1, 2, 3 and took %d, %d, %d", x, y, z);
                require(b.size() == 0, "size() is %d after taking everything", b.size());
            }
            return null;
        });
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("put waits while full, take wakes it")
    void putBlocksWhenFull() throws Exception {
        BoundedBuffer<Integer> b = buffer(2);
        Stress.bounded("fill", LIMIT, Map.of(), () -> {
            b.put(1);
            b.put(2);
            return null;
        });
        CountDownLatch done = new CountDownLatch(1);
        Thread producer = daemon("producer", () -> {
            b.put(3);
            done.countDown();
        });
        require(!done.await(200, TimeUnit.MILLISECONDS), "put did not wait: a third item went into a buffer of capacity 2 (size %d)", b.size());
        int first = Stress.bounded("take", LIMIT, Map.of(), b::take);
        require(first == 1, "took %d first, expected 1", first);
        require(done.await(2, TimeUnit.SECONDS), "the waiting put was not woken by take (signal or notifyAll after taking)");
        producer.join(1000);
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("take waits while empty, put wakes it")
    void takeBlocksWhenEmpty() throws Exception {
        BoundedBuffer<Integer> b = buffer(2);
        AtomicReference<Integer> got = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread consumer = daemon("consumer", () -> {
            got.set(b.take());
            done.countDown();
        });
        require(!done.await(200, TimeUnit.MILLISECONDS), "take did not wait on an empty buffer: it returned %s", got.get());
        Stress.bounded("put", LIMIT, Map.of(), () -> {
            b.put(42);
            return null;
        });
        require(done.await(2, TimeUnit.SECONDS), "the waiting take was not woken by put (signal or notifyAll after putting)");
        require(Integer.valueOf(42).equals(got.get()), "take returned %s, expected 42", got.get());
        consumer.join(1000);
    }

    @Test
    @Order(4)
    @Points(3)
    @DisplayName("no item lost or duplicated with 8 producers and 8 consumers")
    @DependsOn({"putBlocksWhenFull", "takeBlocksWhenEmpty"})
    void noLostOrDuplicated() throws Exception {
        // more threads than cores, and two observers calling size() all the time: its lock is often held when the
        // scheduler preempts, so threads queue on it and are woken in the middle of their own put or take; with
        // Interleaving (every read and write a step of its own, preempter threads) a check made outside the lock
        // goes stale within a round even on one CPU
        int producers = 8;
        int consumers = 8;
        int observers = 2;
        int perProducer = 250;
        int total = producers * perProducer;
        try (Interleaving interleaving = Interleaving.start(BufferTests.class)) {
            Stress.repeat(Duration.ofSeconds(2), 20, round -> {
                BoundedBuffer<Integer> b = buffer(4);
                AtomicIntegerArray seen = new AtomicIntegerArray(total);
                AtomicInteger maxSize = new AtomicInteger();
                AtomicInteger nulls = new AtomicInteger();
                AtomicInteger working = new AtomicInteger(producers + consumers);
                Stress.race("pc", producers + consumers + observers, LIMIT, Map.of(b, "the buffer"), i -> {
                    if (i >= producers + consumers) {
                        // an observer: stops when the others are done, or when the race interrupts it as stuck
                        while (working.get() > 0 && !Thread.currentThread().isInterrupted()) {
                            maxSize.accumulateAndGet(b.size(), Math::max);
                        }
                        return;
                    }
                    try {
                        if (i < producers) {
                            for (int k = 0; k < perProducer; k++) {
                                b.put(i * perProducer + k);
                                maxSize.accumulateAndGet(b.size(), Math::max); // an overfilled buffer shows right after a put
                            }
                            return;
                        }
                        int share = total / consumers + (i - producers < total % consumers ? 1 : 0);
                        for (int k = 0; k < share; k++) {
                            Integer item = b.take();
                            if (item == null) {
                                // reported after the race; taken again, so that the producers are not stranded
                                if (nulls.incrementAndGet() < total) {
                                    k--;
                                }
                            } else {
                                seen.incrementAndGet(item);
                            }
                            maxSize.accumulateAndGet(b.size(), Math::max);
                        }
                    } finally {
                        working.decrementAndGet();
                    }
                });
                int lost = 0;
                int duplicated = 0;
                int example = -1;
                for (int k = 0; k < total; k++) {
                    if (seen.get(k) == 0) {
                        lost++;
                        example = example < 0 ? k : example;
                    } else if (seen.get(k) > 1) {
                        duplicated++;
                        example = example < 0 ? k : example;
                    }
                }
                require(nulls.get() == 0, "take returned null %,d times: a take went on although the buffer was empty (another"
                        + " thread took the item first: check and remove under one lock, and wait in a while loop)", nulls.get());
                require(lost == 0 && duplicated == 0, "lost %,d and duplicated %,d of %,d items (e.g. item %d): guard every access"
                        + " to the buffer with one lock", lost, duplicated, total, example);
                require(maxSize.get() <= 4, "capacity exceeded: saw %d items in a buffer of capacity 4 (check the size and add under"
                        + " one lock, and wait in a while loop, not an if)", maxSize.get());
            });
        }
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("no lost wake-up: many waiters on a tiny buffer")
    @DependsOn({"putBlocksWhenFull", "takeBlocksWhenEmpty", "noLostOrDuplicated"})
    void noLostWakeup() throws Exception {
        int threads = 8;
        int perThread = 2_000;
        Stress.repeat(Duration.ofSeconds(2), 10, round -> {
            BoundedBuffer<Integer> b = buffer(1);
            AtomicInteger taken = new AtomicInteger();
            try {
                Stress.race("pc", threads, Duration.ofSeconds(3), Map.of(b, "the buffer"), i -> {
                    for (int k = 0; k < perThread; k++) {
                        if (i % 2 == 0) {
                            b.put(k);
                        } else {
                            b.take();
                            taken.incrementAndGet();
                        }
                    }
                });
            } catch (AssertionError e) {
                if (String.valueOf(e.getMessage()).startsWith("hang")) {
                    throw new AssertionError("lost wake-up: every producer and consumer ended up waiting (a signal woke the wrong"
                            + " kind of thread: use notifyAll, or separate notFull/notEmpty conditions); " + e.getMessage(), e);
                }
                throw e;
            }
            require(taken.get() == threads / 2 * perThread, "took %,d of %,d items", taken.get(), threads / 2 * perThread);
        });
    }

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("an interrupted put gives up and leaves the buffer usable")
    @DependsOn({"putBlocksWhenFull", "noLostOrDuplicated"})
    void interruptedWaiterLeaves() throws Exception {
        BoundedBuffer<Integer> b = buffer(1);
        Stress.bounded("fill", LIMIT, Map.of(), () -> {
            b.put(1);
            return null;
        });
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread producer = Thread.ofPlatform().daemon().name("producer").start(() -> {
            try {
                b.put(2);
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        require(!outcome.isDone() && !waitFor(outcome, 200), "put did not wait: a second item went into a buffer of capacity 1");
        producer.interrupt();
        require(waitFor(outcome, 1000), "interruption ignored: a put waiting on a full buffer was interrupted and went on"
                + " waiting (let InterruptedException propagate out of put, do not catch it inside the loop)");
        if (outcome.getNow(null) instanceof RuntimeException e && Feedback.isTodo(e)) {
            throw e;
        }
        require(outcome.getNow(null) instanceof InterruptedException, "an interrupted put should throw InterruptedException, it %s",
                outcome.getNow(null) == null ? "returned normally" : "threw " + outcome.getNow(null));
        int first;
        try {
            first = Stress.bounded("take", Duration.ofSeconds(2), Map.of(b, "the buffer"), b::take);
        } catch (AssertionError e) {
            if (String.valueOf(e.getMessage()).startsWith("hang")) {
                throw new AssertionError("the lock stayed held after an interrupted put: take could not get it (the interrupted"
                        + " await threw past your unlock: unlock in a finally block)", e);
            }
            throw e;
        }
        require(first == 1, "took %d first, expected 1", first);
        int size = Stress.bounded("size", Duration.ofSeconds(2), Map.of(b, "the buffer"), b::size);
        require(size == 0, "the interrupted put still added its item: size() is %d after taking the only item", size);
    }

    private static boolean waitFor(CompletableFuture<?> f, long ms) throws InterruptedException {
        try {
            f.get(ms, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return f.isDone();
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static Thread daemon(String name, Action action) {
        Thread t = new Thread(() -> {
            try {
                action.run();
            } catch (Exception e) {
                // the test's assertions report what went wrong
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
