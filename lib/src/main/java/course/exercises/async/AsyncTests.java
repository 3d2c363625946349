package course.exercises.async;

import static course.grading.Feedback.require;

import course.grading.DependsOn;
import course.grading.Feedback;
import course.grading.Graded;
import course.grading.Points;
import course.grading.Stress;
import course.grading.Submission;
import course.server.LocalServer;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/** Grades exercise 11-async against the course's local HTTP server. */
@Graded("11-async")
public class AsyncTests {

    private static final Duration LIMIT = Duration.ofSeconds(8);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("results come back in input order")
    void keepsOrder() throws Exception {
        try (LocalServer server = LocalServer.start(); HttpClient client = client()) {
            // later URLs answer first: a solution that collects in completion order gets them reversed
            List<URI> uris = IntStream.range(0, 12).mapToObj(i -> server.uri("/item/" + i + "?latency=" + (12 - i) * 15)).toList();
            List<Fetched> out = fetch(client, uris, 12, TIMEOUT);
            require(out.size() == uris.size(), "%d results for %d URLs", out.size(), uris.size());
            for (int i = 0; i < uris.size(); i++) {
                Fetched f = out.get(i);
                require(f != null && f.ok(), "URL %d failed: %s", i, f == null ? "null result" : f.error());
                require(f.body().equals("item " + i), "order not kept: position %d holds \"%s\", expected \"item %d\""
                        + " (keep the futures in a list in input order)", i, f.body(), i);
            }
            require(fetch(client, List.of(), 4, TIMEOUT).isEmpty(), "no URLs must give an empty list");
        }
    }

    @Test
    @Order(2)
    @Points(3)
    @DisplayName("never more than K requests in flight")
    void capNeverExceeded() throws Exception {
        try (LocalServer server = LocalServer.start(LocalServer.Options.defaults().latency(Duration.ofMillis(30)));
             CountingClient client = new CountingClient(client())) {
            Stress.repeat(Duration.ofMillis(1200), 3, round -> {
                int cap = 2 + round;
                client.reset();
                List<URI> uris = IntStream.range(0, 20).mapToObj(i -> server.uri("/item/" + i)).toList();
                List<Fetched> out = fetch(client, uris, cap, TIMEOUT);
                require(client.maxInFlight() <= cap, "limit exceeded: %d requests were in flight at once, the limit was %d"
                        + " (take a permit before each sendAsync, give it back when the response is in)", client.maxInFlight(), cap);
                require(out.stream().allMatch(f -> f != null && f.ok()), "a request failed although the server was healthy: %s",
                        out.stream().filter(f -> f == null || !f.ok()).findFirst().orElse(null));
            });
        }
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("requests overlap: not secretly sequential")
    void notSequential() throws Exception {
        try (LocalServer server = LocalServer.start(LocalServer.Options.defaults().latency(Duration.ofMillis(100)));
             HttpClient client = client()) {
            fetch(client, List.of(server.uri("/item/0?latency=0")), 1, TIMEOUT); // warm the client up
            server.resetCounters();
            int n = 16;
            List<URI> uris = IntStream.range(0, n).mapToObj(i -> server.uri("/item/" + i)).toList();
            long start = System.nanoTime();
            fetch(client, uris, 8, TIMEOUT);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long sum = n * 100L;
            require(server.maxInFlight() >= 2 && ms < sum * 3 / 4, "secretly sequential: %d requests of 100 ms took %,d ms"
                    + " (their latencies add up to %,d ms) with at most %d in flight; send with sendAsync and wait only at the end",
                    n, ms, sum, server.maxInFlight());
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("a failed request is reported at its position, the rest succeed")
    void failureAtItsPosition() throws Exception {
        try (LocalServer server = LocalServer.start(); HttpClient client = client()) {
            List<URI> uris = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                uris.add(i % 3 == 1 ? server.uri("/fail?n=" + i) : server.uri("/item/" + i));
            }
            List<Fetched> out;
            try {
                out = fetch(client, uris, 2, TIMEOUT);
            } catch (ExecutionException e) {
                throw new AssertionError("one failed request failed the whole batch (" + e.getCause()
                        + "): turn each failure into Fetched.failed at its position (handle / exceptionally)");
            } catch (AssertionError e) {
                if (String.valueOf(e.getMessage()).startsWith("hang")) {
                    throw new AssertionError("permit leak: after failed requests (status 500) the batch never completed, with"
                            + " the cap at 2: a failed request kept its place (give the permit back, or send the next URL,"
                            + " whatever the outcome: in handle or whenComplete)", e);
                }
                throw e;
            }
            require(out.size() == uris.size(), "%d results for %d URLs", out.size(), uris.size());
            Map<URI, Fetched> byUri = byUri(out);
            for (int i = 0; i < uris.size(); i++) {
                Fetched f = byUri.get(uris.get(i));
                require(f != null, "no result for %s", uris.get(i));
                if (i % 3 == 1) {
                    require(!f.ok(), "%s (status 500) is reported as a success with body \"%s\"", uris.get(i), f.body());
                    require(f.error().contains("500"), "%s: the error \"%s\" should name the status (HTTP 500)", uris.get(i), f.error());
                } else {
                    require(f.ok() && f.body().equals("item " + i), "%s should give \"item %d\", got %s", uris.get(i), i, f);
                }
            }
        }
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("a slow request times out on its own")
    @DependsOn({"failureAtItsPosition"})
    void perRequestTimeout() throws Exception {
        try (LocalServer server = LocalServer.start(); HttpClient client = client()) {
            List<URI> uris = List.of(server.uri("/item/0"), server.uri("/item/1?latency=4000"), server.uri("/item/2"));
            long start = System.nanoTime();
            List<Fetched> out;
            try {
                out = fetch(client, uris, 3, Duration.ofMillis(300));
            } catch (ExecutionException e) {
                throw new AssertionError("one slow request failed the whole batch (" + e.getCause() + "): give each request"
                        + " its own timeout (HttpRequest.newBuilder(uri).timeout(...)), so that only its position fails");
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            require(out.size() == 3, "%d results for 3 URLs", out.size());
            Map<URI, Fetched> byUri = byUri(out);
            Fetched slow = byUri.get(uris.get(1));
            require(slow != null, "no result for the slow request %s", uris.get(1));
            require(!slow.ok(), "no per-request timeout: the 4-second request succeeded (%s)"
                    + " although the timeout was 300 ms (HttpRequest.newBuilder(uri).timeout(...))", slow);
            require(slow.error().toLowerCase(Locale.ROOT).contains("time"),
                    "the slow request should say it timed out, got \"%s\"", slow.error());
            require(ms < 2500, "no per-request timeout: the batch took %,d ms although the timeout was 300 ms", ms);
            Fetched a = byUri.get(uris.get(0));
            Fetched c = byUri.get(uris.get(2));
            require(a != null && a.ok() && c != null && c.ok(),
                    "the fast requests around the slow one should succeed, got %s and %s", a, c);
        }
    }

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("fetchAll returns its future at once: it does not block the caller")
    void doesNotBlockTheCaller() throws Exception {
        try (LocalServer server = LocalServer.start(LocalServer.Options.defaults().latency(Duration.ofMillis(600)));
             CountingClient client = new CountingClient(client())) {
            fetch(client, List.of(server.uri("/item/0?latency=0")), 1, TIMEOUT); // warm the client up
            Fetcher fetcher = Submission.create(Fetcher.class);
            List<URI> uris = IntStream.range(0, 3).mapToObj(i -> server.uri("/item/" + i)).toList();
            int before = client.completed();
            // 3 requests of 600 ms with 1 in flight: a fetchAll that waits for permits returns only after 2 responses
            CompletableFuture<Integer> returned = new CompletableFuture<>();
            CompletableFuture<CompletableFuture<List<Fetched>>> result = new CompletableFuture<>();
            Thread caller = Thread.ofPlatform().daemon().name("fetch-all-caller").start(() -> {
                try {
                    var f = fetcher.fetchAll(client, uris, 1, TIMEOUT);
                    returned.complete(client.completed() - before);
                    result.complete(f);
                } catch (Throwable e) {
                    returned.completeExceptionally(e);
                    result.completeExceptionally(e);
                }
            });
            int responsesBefore;
            try {
                responsesBefore = returned.get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                caller.interrupt();
                throw new AssertionError("blocks the caller: fetchAll did not return within 5 s (an asynchronous API returns"
                        + " its future at once; never wait for permits or responses inside fetchAll)");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException todo && Feedback.isTodo(todo)) {
                    throw todo;
                }
                throw new AssertionError("fetchAll threw " + e.getCause(), e.getCause());
            }
            require(responsesBefore == 0, "blocks the caller: fetchAll returned only after %d response(s) had come in (3 requests,"
                    + " 1 in flight): it waited for permits; an asynchronous API returns its future at once and sends the"
                    + " next request from a callback", responsesBefore);
            require(result.get() != null, "fetchAll returned null instead of a CompletableFuture");
            Stress.bounded("fetch-all-result", LIMIT, Map.of(), () -> result.get().get());
        }
    }

    private static Map<URI, Fetched> byUri(List<Fetched> out) {
        Map<URI, Fetched> map = new HashMap<>();
        for (Fetched f : out) {
            if (f != null) {
                map.put(f.uri(), f);
            }
        }
        return map;
    }

    /**
     * A real client that counts the requests in flight: from the call of send or sendAsync until the
     * future it returns completes (before the caller's callbacks run, so giving a permit back in
     * them is never counted as an overlap). The server's own counter lags by a few microseconds at
     * every hand-over, which is why the cap is measured here.
     */
    private static final class CountingClient extends HttpClient {
        private final HttpClient real;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();
        private final AtomicInteger completed = new AtomicInteger();

        CountingClient(HttpClient real) {
            this.real = real;
        }

        void reset() {
            maxInFlight.set(inFlight.get());
        }

        int maxInFlight() {
            return maxInFlight.get();
        }

        int completed() {
            return completed.get();
        }

        private void started() {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
            started();
            try {
                return real.send(request, handler);
            } finally {
                inFlight.decrementAndGet();
                completed.incrementAndGet();
            }
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            started();
            return real.sendAsync(request, handler).whenComplete((r, e) -> {
                inFlight.decrementAndGet();
                completed.incrementAndGet();
            });
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                HttpResponse.PushPromiseHandler<T> push) {
            started();
            return real.sendAsync(request, handler, push).whenComplete((r, e) -> {
                inFlight.decrementAndGet();
                completed.incrementAndGet();
            });
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return real.cookieHandler();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return real.connectTimeout();
        }

        @Override
        public Redirect followRedirects() {
            return real.followRedirects();
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return real.proxy();
        }

        @Override
        public SSLContext sslContext() {
            return real.sslContext();
        }

        @Override
        public SSLParameters sslParameters() {
            return real.sslParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return real.authenticator();
        }

        @Override
        public Version version() {
            return real.version();
        }

        @Override
        public Optional<Executor> executor() {
            return real.executor();
        }

        @Override
        public void close() {
            real.close();
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    private static List<Fetched> fetch(HttpClient client, List<URI> uris, int cap, Duration timeout) throws Exception {
        Fetcher fetcher = Submission.create(Fetcher.class);
        return Stress.bounded("fetch-all-caller", LIMIT, Map.of(), () -> {
            var future = fetcher.fetchAll(client, uris, cap, timeout);
            require(future != null, "fetchAll returned null instead of a CompletableFuture");
            return future.get(); // bounded by LIMIT: a hang becomes a report
        });
    }
}
