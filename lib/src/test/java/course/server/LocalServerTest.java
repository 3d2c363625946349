package course.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.workload.Io;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalServerTest {

    @Test
    void servesTheEndpoints() throws IOException {
        try (var server = LocalServer.start()) {
            assertEquals("127.0.0.1", server.baseUri().getHost());
            assertTrue(server.port() > 0);
            assertEquals("item 12", Io.get(server.uri("/item/12")));
            assertEquals("item 13", Io.get(server.uri("item/13?latency=1")));
            assertEquals("delay 2", Io.get(server.uri("/delay/2")));
            assertEquals(3, server.requests());
            assertEquals(0, server.failures());
            assertThrows(IOException.class, () -> Io.get(server.uri("/fail")));
            assertEquals(1, server.failures());
            IOException bad = assertThrows(IOException.class, () -> Io.get(server.uri("/item/x")));
            assertTrue(bad.getMessage().contains("400") && bad.getMessage().contains("/item/{n}"), bad.getMessage());
            IOException missing = assertThrows(IOException.class, () -> Io.get(server.uri("/other")));
            assertTrue(missing.getMessage().contains("/delay/{ms}"), missing.getMessage());
            server.resetCounters();
            assertEquals(0, server.requests());
            assertEquals(0, server.failures());
            assertEquals(0, server.maxInFlight());
        }
    }

    @Test
    void latencyDelaysTheAnswer() throws IOException {
        try (var server = LocalServer.start(LocalServer.Options.defaults().latency(Duration.ofMillis(200)))) {
            long start = System.nanoTime();
            Io.get(server.uri("/item/1"));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMs >= 200, "latency is a lower bound, took " + tookMs + " ms");
        }
    }

    @Test
    void countsConcurrentRequestsUnderAStress() throws Exception {
        int n = 500;
        CyclicBarrier barrier = new CyclicBarrier(n);
        AtomicInteger clientInFlight = new AtomicInteger();
        AtomicInteger clientMax = new AtomicInteger();
        try (var server = LocalServer.start(LocalServer.Options.defaults().latency(Duration.ofMillis(1500)));
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> bodies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                URI uri = server.uri("/item/" + i);
                bodies.add(clients.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    clientMax.accumulateAndGet(clientInFlight.incrementAndGet(), Math::max);
                    try {
                        return Io.get(uri);
                    } finally {
                        clientInFlight.decrementAndGet();
                    }
                }));
            }
            for (int i = 0; i < n; i++) {
                assertEquals("item " + i, bodies.get(i).get(50, TimeUnit.SECONDS));
            }
            assertEquals(n, server.requests());
            assertEquals(0, server.failures());
            assertEquals(0, server.inFlight());
            int max = server.maxInFlight();
            System.out.printf("server max in flight %d of %d (client side %d)%n", max, n, clientMax.get());
            assertTrue(max <= clientMax.get(), "the server cannot see more requests at once than clients sent");
            // with 1.5 s of latency, most requests overlap on any machine
            assertTrue(max >= n / 4, "max in flight " + max);
        }
    }

    @Test
    void neverCountsMoreInFlightThanTheClientAllows() throws Exception {
        // A client capped at 2 requests at once: the server must never see a 3rd, even though each
        // client thread fires its next request the moment it holds an answer.
        var cap = new java.util.concurrent.Semaphore(2);
        try (var server = LocalServer.start(LocalServer.Options.defaults().latency(Duration.ZERO));
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int id = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        cap.acquire();
                        try {
                            Io.get(server.uri("/item/" + (id * 100 + i)));
                        } finally {
                            cap.release();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(960, server.requests());
            assertTrue(server.maxInFlight() <= 2, "server saw " + server.maxInFlight() + " in flight");
            assertEquals(0, server.inFlight());
        }
    }

    @Test
    void failuresFollowTheSeededSequence() throws Exception {
        int n = 300;
        double rate = 0.3;
        long seed = 7;
        Random reference = new Random(seed);
        int expected = 0;
        List<Boolean> expectedSequence = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean fail = reference.nextDouble() < rate;
            expectedSequence.add(fail);
            expected += fail ? 1 : 0;
        }
        var options = LocalServer.Options.defaults().failureRate(rate).seed(seed);
        // one at a time: the exact sequence
        try (var server = LocalServer.start(options)) {
            List<Boolean> seen = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                try {
                    Io.get(server.uri("/item/" + i));
                    seen.add(false);
                } catch (IOException e) {
                    assertTrue(e.getMessage().contains("500"), e.getMessage());
                    seen.add(true);
                }
            }
            assertEquals(expectedSequence, seen);
            assertEquals(expected, server.failures());
        }
        // all at once: the same number of failures, whatever the arrival order
        CyclicBarrier barrier = new CyclicBarrier(n);
        try (var server = LocalServer.start(options);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> failed = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                URI uri = server.uri("/item/" + i);
                failed.add(clients.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    try {
                        Io.get(uri);
                        return false;
                    } catch (IOException e) {
                        return true;
                    }
                }));
            }
            int count = 0;
            for (Future<Boolean> f : failed) {
                count += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(expected, count);
            assertEquals(expected, server.failures());
            assertEquals(n, server.requests());
        }
    }

    @Test
    void closeEndsRequestsInFlightPromptly() throws Exception {
        int n = 50;
        var server = LocalServer.start(LocalServer.Options.defaults().latency(Duration.ofSeconds(60)));
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<String>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                URI uri = server.uri("/item/" + i);
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return Io.get(uri);
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                }, clients));
            }
            while (server.inFlight() < n) {
                Thread.sleep(10);
            }
            assertEquals(n, server.maxInFlight());
            long start = System.nanoTime();
            server.close();
            long closeMs = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("close with %d requests in flight took %d ms%n", n, closeMs);
            assertTrue(closeMs < 10_000, "close took " + closeMs + " ms");
            assertEquals(0, server.inFlight());
            for (CompletableFuture<String> call : calls) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(20, TimeUnit.SECONDS));
                assertTrue(e.getCause().getCause() instanceof IOException, e.toString());
            }
            server.close(); // idempotent
            assertTrue(server.isClosed());
            assertThrows(IOException.class, () -> Io.get(server.uri("/item/1")));
        }
    }

    @Test
    void optionsRejectBadValuesWithAHint() {
        var o = LocalServer.Options.defaults();
        var e = assertThrows(IllegalArgumentException.class, () -> o.failureRate(1.5));
        assertTrue(e.getMessage().contains("between 0.0 and 1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> o.latency(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> o.jitter(Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> o.failureRate(Double.NaN));
        var changed = o.latency(Duration.ofMillis(5)).jitter(Duration.ofMillis(2)).failureRate(0.5).seed(9);
        assertEquals(new LocalServer.Options(Duration.ofMillis(5), Duration.ofMillis(2), 0.5, 9, 0), changed);
    }
}
