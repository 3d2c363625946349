package course.exercises.eventloop;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Asynchronous HTTP on an {@link EventLoop}: every request is started by the loop thread, every response handled on
 * it, so the state of a batch (what is next, how many are in flight, the replies so far) needs no lock and no atomic.
 * The implementing class has a constructor {@code new MyLoopHttp(loop, sender)}.
 */
public interface LoopHttp {

    /** Sends one request without blocking, e.g. {@code request -> client.sendAsync(request, BodyHandlers.ofString())}. */
    @FunctionalInterface
    interface Sender {
        /** A future of the response; it completes on some thread of the HTTP client, not on the loop. */
        CompletableFuture<HttpResponse<String>> send(HttpRequest request);
    }

    /**
     * What one request gave.
     *
     * @param uri   the request's URI
     * @param body  the body of a 200 response, or null
     * @param error why it failed (a status other than 200, a timeout, an exception), or null
     */
    record Reply(URI uri, String body, String error) {

        /** A successful reply. */
        public static Reply ok(URI uri, String body) {
            return new Reply(uri, body, null);
        }

        /** A failed reply. */
        public static Reply failed(URI uri, String error) {
            return new Reply(uri, null, error);
        }

        /** True if the request succeeded. */
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * Sends a GET for every URI, never more than {@code cap} at a time, each with its own {@code timeout}, and returns
     * at once. The future completes on the loop thread with one reply per URI, in input order; a failed request is a
     * failed {@link Reply} at its position and frees its place for the next.
     */
    CompletableFuture<List<Reply>> getAll(List<URI> uris, int cap, Duration timeout);
}
