package course.display;

/**
 * Something that knows how to show itself in a notebook: charts, tables, progress bars.
 *
 * <p>{@link Show#show(Object)} asks a {@code Displayable} for its MIME bundle and hands it to
 * whichever kernel is running; outside a kernel it prints the text and writes images under
 * {@code target/}.
 */
public interface Displayable {

    /** The representations of this object, richest first; {@code text/plain} should always be present. */
    MimeBundle toMime();
}
