package course.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP server on {@code 127.0.0.1} (a free port) that behaves like a slow, sometimes failing
 * remote service, so I/O demos need no internet. Built on the JDK's {@code HttpServer}; each request
 * runs on its own virtual thread.
 *
 * <pre>{@code
 * try (var server = LocalServer.start(LocalServer.Options.defaults()
 *         .latency(Duration.ofMillis(50)).failureRate(0.1))) {
 *     String body = Io.get(server.uri("/item/7"));   // "item 7", after about 50 ms
 *     System.out.println(server.maxInFlight());      // requests that were served at the same time
 * }
 * }</pre>
 *
 * <p>Endpoints (all {@code GET}):
 * <ul>
 *   <li>{@code /item/{n}}: the text {@code item n} after the latency;</li>
 *   <li>{@code /delay/{ms}}: the text {@code delay ms} after {@code ms} milliseconds;</li>
 *   <li>{@code /fail}: always status 500;</li>
 *   <li>{@code ?latency=MS} on {@code /item} replaces the configured latency (and jitter).</li>
 * </ul>
 * {@code /item} and {@code /delay} fail with status 500 with probability {@code failureRate}: the
 * n-th request to arrive draws the n-th number of a generator seeded with {@code seed}, so the same
 * number of requests gives the same number of failures on every run.
 *
 * <p>{@link #close()} stops the server at once: requests still waiting for their latency end, and
 * their clients see the connection close.
 */
public final class LocalServer implements AutoCloseable {

    /** Longest latency or delay a request may ask for. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(2);

    /**
     * How the server behaves; start from {@link #defaults()} and change what you need:
     * {@code Options.defaults().latency(Duration.ofMillis(100)).jitter(Duration.ofMillis(20))}.
     *
     * @param latency     how long {@code /item/{n}} waits before answering
     * @param jitter      a random extra wait, uniform in {@code [0, jitter]}, added to the latency
     * @param failureRate the probability, in {@code [0, 1]}, that a request fails with status 500
     * @param seed        the seed of the generator that decides failures and jitter
     * @param port        the port to listen on; 0 picks a free one
     */
    public record Options(Duration latency, Duration jitter, double failureRate, long seed, int port) {

        /** Checks the values and says what to do when one is wrong. */
        public Options {
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(jitter, "jitter");
            if (latency.isNegative() || latency.compareTo(MAX_DELAY) > 0) {
                throw new IllegalArgumentException("latency must be between 0 and " + MAX_DELAY
                        + ", got " + latency + "; use e.g. Duration.ofMillis(50)");
            }
            if (jitter.isNegative() || jitter.compareTo(MAX_DELAY) > 0) {
                throw new IllegalArgumentException("jitter must be between 0 and " + MAX_DELAY
                        + ", got " + jitter + "; use e.g. Duration.ofMillis(10)");
            }
            if (!(failureRate >= 0.0 && failureRate <= 1.0)) {
                throw new IllegalArgumentException("failureRate is a probability between 0.0 and 1.0, got "
                        + failureRate + "; e.g. 0.1 makes one request in ten fail");
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535, got " + port);
            }
        }

        /** No latency, no jitter, no failures, seed 42, a free port. */
        public static Options defaults() {
            return new Options(Duration.ZERO, Duration.ZERO, 0.0, 42L, 0);
        }

        /** These options with another latency. */
        public Options latency(Duration latency) {
            return new Options(latency, jitter, failureRate, seed, port);
        }

        /** These options with another jitter. */
        public Options jitter(Duration jitter) {
            return new Options(latency, jitter, failureRate, seed, port);
        }

        /** These options with another failure rate. */
        public Options failureRate(double failureRate) {
            return new Options(latency, jitter, failureRate, seed, port);
        }

        /** These options with another seed. */
        public Options seed(long seed) {
            return new Options(latency, jitter, failureRate, seed, port);
        }

        /** These options with another port (0: any free port). */
        public Options port(int port) {
            return new Options(latency, jitter, failureRate, seed, port);
        }
    }

    private final Options options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Random failureDraws;
    private final Random jitterDraws;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    private LocalServer(Options options) throws IOException {
        this.options = options;
        this.failureDraws = new Random(options.seed());
        this.jitterDraws = new Random(options.seed() ^ 0x9E3779B97F4A7C15L);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.server = HttpServer.create(new InetSocketAddress(loopback, options.port()), 4096);
        this.executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("local-server-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.baseUri = URI.create("http://" + loopback.getHostAddress() + ":"
                + server.getAddress().getPort() + "/");
    }

    /** Starts a server with {@link Options#defaults()}: answers at once, never fails. */
    public static LocalServer start() {
        return start(Options.defaults());
    }

    /** Starts a server with the given options; close it (try-with-resources) when done. */
    public static LocalServer start(Options options) {
        Objects.requireNonNull(options, "options");
        try {
            return new LocalServer(options);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the local server on 127.0.0.1 port "
                    + options.port() + " (" + e.getMessage() + "); use port 0 for any free port", e);
        }
    }

    /** The options this server runs with. */
    public Options options() {
        return options;
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The port the server listens on. */
    public int port() {
        return baseUri.getPort();
    }

    /** The URI of {@code path} on this server, e.g. {@code uri("/item/3")} or {@code uri("delay/100")}. */
    public URI uri(String path) {
        Objects.requireNonNull(path, "path");
        return baseUri.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** Requests being handled right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most requests handled at the same time since the start or the last {@link #resetCounters()}. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Requests received since the start or the last {@link #resetCounters()}. */
    public long requests() {
        return requests.get();
    }

    /** Requests answered with status 500 (including {@code /fail}) since the start or the last reset. */
    public long failures() {
        return failures.get();
    }

    /**
     * Sets {@code requests}, {@code failures} and {@code maxInFlight} back to zero (max-in-flight to the
     * requests in flight now). The failure generator is not reset: it keeps its sequence.
     */
    public void resetCounters() {
        requests.set(0);
        failures.set(0);
        maxInFlight.set(inFlight.get());
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Stops the server at once: no new connections, waiting requests end, open connections close,
     * and the request threads are waited for (up to a few seconds). Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LocalServer[" + baseUri + ", latency=" + options.latency().toMillis() + " ms, jitter="
                + options.jitter().toMillis() + " ms, failureRate=" + options.failureRate()
                + (closed.get() ? ", closed" : "") + "]";
    }

    /** Exchanges still counted in flight (HttpExchange attributes are shared by the whole context). */
    private final java.util.Set<HttpExchange> counted = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        requests.incrementAndGet();
        counted.add(exchange);
        try (exchange) {
            respond(exchange);
        } finally {
            leave(exchange);
        }
    }

    /**
     * A request stops counting as in flight before its response is written: once the client holds the
     * answer it may send its next request, which must not find the previous one still counted.
     */
    private void leave(HttpExchange exchange) {
        if (counted.remove(exchange)) {
            inFlight.decrementAndGet();
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "only GET is supported, got " + exchange.getRequestMethod());
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        try {
            if (path.equals("/fail")) {
                failures.incrementAndGet();
                send(exchange, 500, "failure requested by /fail");
            } else if (path.startsWith("/item/")) {
                String n = path.substring("/item/".length());
                long item = parse(n, "/item/{n}");
                Duration latency = latencyOverride(query);
                boolean fail = drawFailure();
                if (latency == null) {
                    latency = options.latency().plus(drawJitter());
                }
                answerAfter(exchange, latency, fail, "item " + item, "simulated failure for item " + item);
            } else if (path.startsWith("/delay/")) {
                long ms = parse(path.substring("/delay/".length()), "/delay/{ms}");
                Duration delay = checkDelay(ms);
                answerAfter(exchange, delay, drawFailure(), "delay " + ms, "simulated failure after delay " + ms);
            } else {
                send(exchange, 404, "no such endpoint: " + path
                        + "; try /item/{n}, /delay/{ms}, /fail, optionally with ?latency=MS");
            }
        } catch (IllegalArgumentException e) {
            send(exchange, 400, e.getMessage());
        }
    }

    /** Waits {@code wait}, then answers 200 with {@code body} or, when {@code fail}, 500 with {@code failure}. */
    private void answerAfter(HttpExchange exchange, Duration wait, boolean fail, String body, String failure) throws IOException {
        if (!await(wait)) {
            return;
        }
        if (fail) {
            failures.incrementAndGet();
            send(exchange, 500, failure);
        } else {
            send(exchange, 200, body);
        }
    }

    private static long parse(String text, String pattern) {
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + pattern + " with a whole number >= 0, got '"
                    + text + "'");
        }
    }

    private static Duration checkDelay(long ms) {
        if (ms > MAX_DELAY.toMillis()) {
            throw new IllegalArgumentException("a delay of at most " + MAX_DELAY.toMillis()
                    + " ms, got " + ms);
        }
        return Duration.ofMillis(ms);
    }

    private static Duration latencyOverride(String query) {
        if (query == null) {
            return null;
        }
        for (String part : query.split("&")) {
            if (part.startsWith("latency=")) {
                return checkDelay(parse(part.substring("latency=".length()), "?latency=MS"));
            }
        }
        return null;
    }

    private boolean drawFailure() {
        double rate = options.failureRate();
        if (rate <= 0.0) {
            return false;
        }
        synchronized (failureDraws) {
            return failureDraws.nextDouble() < rate;
        }
    }

    private Duration drawJitter() {
        long jitterNanos = options.jitter().toNanos();
        if (jitterNanos == 0) {
            return Duration.ZERO;
        }
        synchronized (jitterDraws) {
            return Duration.ofNanos((long) (jitterDraws.nextDouble() * jitterNanos));
        }
    }

    /** Waits for {@code duration}; false if the server closed (or the thread was interrupted) first. */
    private boolean await(Duration duration) {
        if (duration.isZero()) {
            return !closed.get();
        }
        try {
            return !closing.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void send(HttpExchange exchange, int status, String body) throws IOException {
        leave(exchange);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
