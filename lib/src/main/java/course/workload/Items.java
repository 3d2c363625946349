package course.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a batch of numbered work items (0, 1, …, {@code items − 1}) one after another, on platform
 * threads, or on an executor, and returns their results in item order: the harness lessons use to
 * compare ways of running the same items.
 *
 * <pre>{@code
 * List<Integer> a = Items.sequential(16, i -> Cpu.countPrimes(limit));
 * List<Integer> b = Items.onThreads(4, 16, i -> Cpu.countPrimes(limit));       // item i on thread i mod 4
 * List<String> c = Items.onExecutor(Executors.newVirtualThreadPerTaskExecutor(), 16,
 *         i -> Io.get(server.uri("/item/" + i)));                              // closes the executor
 * }</pre>
 *
 * <p>Every method returns only when every item has ended. If an item throws, the method throws an
 * {@link ExecutionException} whose cause is the item's exception (the first one, if several threw).
 */
public final class Items {

    /** One work item: gets its index, returns a result, may throw. */
    @FunctionalInterface
    public interface Item<T> {
        /** Runs item number {@code index}. */
        T run(int index) throws Exception;
    }

    private Items() {
    }

    /** Runs the items one after another on the calling thread. */
    public static <T> List<T> sequential(int items, Item<T> item) throws ExecutionException {
        check(1, items, item);
        List<T> results = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            try {
                results.add(item.run(i));
            } catch (Exception e) {
                throw new ExecutionException("item " + i + " failed: " + e, e);
            }
        }
        return results;
    }

    /**
     * Starts {@code threads} platform threads; thread {@code t} runs items {@code t, t + threads, …}
     * in turn. Joins every thread before it returns; if the calling thread is interrupted meanwhile,
     * it interrupts the workers, waits for them, and throws {@link InterruptedException}.
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> onThreads(int threads, int items, Item<T> item) throws InterruptedException, ExecutionException {
        check(threads, items, item);
        Object[] results = new Object[items];
        AtomicReference<ExecutionException> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers.add(Thread.ofPlatform().name("item-worker-" + t).start(() -> {
                for (int i = first; i < items && failure.get() == null; i += threads) {
                    try {
                        results[i] = item.run(i);
                    } catch (Exception e) {
                        failure.compareAndSet(null, new ExecutionException("item " + i + " failed: " + e, e));
                    }
                }
            }));
        }
        try {
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            for (Thread w : workers) {
                w.join();
            }
            throw e;
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return (List<T>) Arrays.asList(results);
    }

    /**
     * Submits every item to {@code executor}, waits for all results, then closes the executor
     * ({@link ExecutorService#close()}, which waits for its tasks): pass a new executor per call.
     * When an item fails or the caller is interrupted, the other items are cancelled (interrupted)
     * before the executor is closed.
     */
    public static <T> List<T> onExecutor(ExecutorService executor, int items, Item<T> item) throws InterruptedException, ExecutionException {
        Objects.requireNonNull(executor, "executor");
        check(1, items, item);
        try (executor) {
            List<Future<T>> futures = new ArrayList<>(items);
            for (int i = 0; i < items; i++) {
                int index = i;
                futures.add(executor.submit(() -> item.run(index)));
            }
            List<T> results = new ArrayList<>(items);
            try {
                for (Future<T> f : futures) {
                    results.add(f.get());
                }
            } catch (ExecutionException | InterruptedException e) {
                futures.forEach(f -> f.cancel(true));     // stop the rest before close() waits for them
                throw e;
            }
            return results;
        }
    }

    private static void check(int threads, int items, Item<?> item) {
        Objects.requireNonNull(item, "item");
        if (threads < 1) {
            throw new IllegalArgumentException("run items on at least 1 thread, got " + threads);
        }
        if (items < 0) {
            throw new IllegalArgumentException("the number of items cannot be negative, got " + items);
        }
    }
}
