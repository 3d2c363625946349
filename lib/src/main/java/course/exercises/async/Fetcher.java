package course.exercises.async;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Fetches many URLs concurrently with {@link HttpClient#sendAsync}, with a cap and a timeout. */
public interface Fetcher {
    /**
     * Sends a GET for every URI with {@code client}, never more than {@code maxInFlight} requests
     * at the same time, each with its own {@code timeout}, and returns a future of the results in
     * input order. A request that fails (a status other than 200, a timeout, a refused connection)
     * becomes a {@link Fetched#failed} at its position: the future itself completes normally.
     */
    CompletableFuture<List<Fetched>> fetchAll(HttpClient client, List<URI> uris, int maxInFlight, Duration timeout);
}
