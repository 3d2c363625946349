package course.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the same body on several threads that start together: the frame of every "many threads at once" test. */
public final class Together {

    /** The body one thread runs; {@code thread} is 0 .. threads - 1. */
    @FunctionalInterface
    public interface Body {
        void run(int thread) throws Exception;
    }

    private Together() {
    }

    /**
     * Starts {@code threads} threads that wait for each other at a barrier (10 s at most), then run {@code body};
     * returns when all are done (20 s at most each), rethrowing the first failure. The threads are gone afterwards.
     */
    public static void run(int threads, Body body) throws Exception {
        var barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int id = t;
                futures.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    body.run(id);
                    return null;
                }));
            }
            for (var f : futures) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "the test's threads did not stop");
        }
    }
}
