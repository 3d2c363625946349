package course.timing;

import java.util.Objects;

/**
 * One task run by one thread, as recorded by a {@link Timeline}.
 *
 * @param thread     the thread's name ("virtual #41" for an unnamed virtual thread)
 * @param task       the task's label
 * @param startNanos start, in nanoseconds after the timeline started
 * @param endNanos   end, in nanoseconds after the timeline started
 */
public record Span(String thread, String task, long startNanos, long endNanos) {

    public Span {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(task, "task");
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("a span cannot end (" + endNanos + " ns) before it starts (" + startNanos + " ns)");
        }
    }

    /** How long the task ran, in nanoseconds. */
    public long durationNanos() {
        return endNanos - startNanos;
    }

    /** Start in milliseconds after the timeline started. */
    public double startMillis() {
        return startNanos / 1e6;
    }

    /** End in milliseconds after the timeline started. */
    public double endMillis() {
        return endNanos / 1e6;
    }

    /** Whether this span and {@code other} were running at the same moment. */
    public boolean overlaps(Span other) {
        return startNanos < other.endNanos && other.startNanos < endNanos;
    }
}
