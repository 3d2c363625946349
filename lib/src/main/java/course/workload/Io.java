package course.workload;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Work that waits rather than computes: sleeping (a stand-in for I/O) and blocking HTTP GETs
 * (against the course's {@link course.server.LocalServer}).
 *
 * <pre>{@code
 * Io.sleep(Duration.ofMillis(100));               // like a slow disk or network call
 * String body = Io.get(server.uri("/item/7"));    // "item 7"
 * }</pre>
 */
public final class Io {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private Io() {
    }

    /**
     * Sleeps for {@code duration} (nothing for zero or negative). If the thread is interrupted
     * (e.g. by {@code executor.shutdownNow()} or a cancelled future) the sleep ends at once, the
     * interrupt flag is set again, and a {@link CancellationException} says so; that way a task that
     * calls {@code Io.sleep} stops when it is cancelled and needs no {@code try/catch}.
     */
    public static void sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled =
                    new CancellationException("interrupted while sleeping for " + duration);
            cancelled.initCause(e);
            throw cancelled;
        }
    }

    /** Sleeps for {@code millis} milliseconds; see {@link #sleep(Duration)}. */
    public static void sleep(long millis) {
        sleep(Duration.ofMillis(millis));
    }

    /**
     * Sends a blocking HTTP GET and returns the body as text. A status other than 2xx throws an
     * {@link IOException} whose message names the URI, the status and the start of the body. An
     * interrupt while waiting throws an {@link InterruptedIOException} with the interrupt flag set.
     */
    public static String get(URI uri) throws IOException {
        Objects.requireNonNull(uri, "uri");
        try {
            HttpResponse<String> response =
                    Client.HTTP.send(request(uri), HttpResponse.BodyHandlers.ofString());
            return bodyOrThrow(uri, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException ex = new InterruptedIOException("interrupted while waiting for GET " + uri);
            ex.initCause(e);
            throw ex;
        }
    }

    /** {@link #get(URI)} for a URI given as text, e.g. {@code "http://127.0.0.1:8080/item/1"}. */
    public static String get(String uri) throws IOException {
        return get(URI.create(uri));
    }

    /**
     * The asynchronous form of {@link #get(URI)}: no thread waits; the future completes with the
     * body, or exceptionally with the same {@link IOException} {@code get} would throw.
     */
    public static CompletableFuture<String> getAsync(URI uri) {
        Objects.requireNonNull(uri, "uri");
        return Client.HTTP.sendAsync(request(uri), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    try {
                        return bodyOrThrow(uri, response);
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    /** The shared {@link HttpClient} that {@code get} uses (HTTP/1.1, 10 s connect timeout). */
    public static HttpClient client() {
        return Client.HTTP;
    }

    private static HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    }

    private static String bodyOrThrow(URI uri, HttpResponse<String> response) throws IOException {
        int status = response.statusCode();
        if (status / 100 != 2) {
            String body = response.body() == null ? "" : response.body().strip();
            if (body.length() > 200) {
                body = body.substring(0, 200) + "...";
            }
            throw new IOException("GET " + uri + " failed with HTTP status " + status
                    + (body.isEmpty() ? "" : ": " + body));
        }
        return response.body();
    }

    /** Created on first use only, so classes that never make a request start no client threads. */
    private static final class Client {
        static final HttpClient HTTP = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }
}
