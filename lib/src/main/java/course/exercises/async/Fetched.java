package course.exercises.async;

import java.net.URI;
import java.util.Objects;

/**
 * What fetching one URL gave: its body, or a short description of why it failed.
 *
 * @param uri   the URL
 * @param body  the response body (status 200), or null if it failed
 * @param error why it failed (e.g. "HTTP 500", "java.net.http.HttpTimeoutException: request timed out"), or null
 */
public record Fetched(URI uri, String body, String error) {

    /** Exactly one of body and error. */
    public Fetched {
        Objects.requireNonNull(uri, "uri");
        if ((body == null) == (error == null)) {
            throw new IllegalArgumentException("a Fetched has a body or an error, not both and not neither: use"
                    + " Fetched.ok(uri, body) or Fetched.failed(uri, error)");
        }
    }

    /** A successful fetch. */
    public static Fetched ok(URI uri, String body) {
        return new Fetched(uri, body, null);
    }

    /** A failed fetch; {@code error} says why (a status such as "HTTP 500", or the exception). */
    public static Fetched failed(URI uri, String error) {
        return new Fetched(uri, null, error == null ? "failed" : error);
    }

    /** True if the fetch succeeded. */
    public boolean ok() {
        return error == null;
    }
}
