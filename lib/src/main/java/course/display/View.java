package course.display;

import java.util.Optional;

/**
 * How values of a type display, for types the display package does not know (it depends on no other
 * course package). {@link Show#toMime} asks every view registered for {@link java.util.ServiceLoader}
 * under {@code META-INF/services/course.display.View}, in order, before its own fallbacks.
 */
public interface View {

    /** The MIME bundle for {@code value}, or empty if this view does not handle its type. */
    Optional<MimeBundle> render(Object value);
}
