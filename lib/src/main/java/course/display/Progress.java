package course.display;

import course.platform.Html;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A live progress bar, replaced in place in the notebook (a line of text elsewhere).
 *
 * <pre>{@code
 * try (var p = Progress.start("downloading", urls.size())) {
 *     urls.parallelStream().forEach(u -> { fetch(u); p.advance(); });   // any thread may advance
 * }                                                                     // close() shows the final state
 * }</pre>
 *
 * <p>{@code advance} is cheap and thread-safe: it adds to an atomic counter, and redraws at most
 * about ten times a second (once a second outside a kernel, to keep logs short), never blocking a
 * worker on a redraw another thread is doing. {@code close()} always draws the final state: a
 * full green bar, or where it stopped if the work ended early.
 */
public final class Progress implements AutoCloseable {

    private final String label;
    private final long total;
    private final LongSupplier clock;
    private final long intervalNanos;
    private final long startNanos;
    private final AtomicLong done = new AtomicLong();
    private final ReentrantLock drawing = new ReentrantLock();
    private final Target target;
    private volatile long nextDrawNanos;
    private boolean closed; // guarded by drawing

    /** Where views go: a live display in real use, a list in tests. */
    interface Target {
        void update(View view);
    }

    Progress(String label, long total, LongSupplier clock, long intervalNanos, Function<View, Target> open) {
        this.label = Objects.requireNonNull(label, "label");
        if (total < 0) {
            throw new IllegalArgumentException("the total of a progress bar cannot be negative: " + total);
        }
        this.total = total;
        this.clock = clock;
        this.intervalNanos = intervalNanos;
        this.startNanos = clock.getAsLong();
        this.nextDrawNanos = startNanos + intervalNanos;
        this.target = open.apply(view(false));
    }

    /**
     * Shows a bar for {@code total} steps (0 if the total is unknown) and returns it; close it when
     * the work is over, best with try-with-resources.
     */
    public static Progress start(String label, long total) {
        boolean kernel = !Show.kernelName().equals("none");
        long interval = kernel ? TimeUnit.MILLISECONDS.toNanos(100) : TimeUnit.SECONDS.toNanos(1);
        return new Progress(label, total, System::nanoTime, interval, first -> Show.live(first)::update);
    }

    /** One step done. */
    public void advance() {
        advance(1);
    }

    /** {@code steps} steps done. */
    public void advance(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("progress only moves forward: advance(" + steps + ")");
        }
        done.addAndGet(steps);
        if (clock.getAsLong() - nextDrawNanos >= 0 && drawing.tryLock()) {
            try {
                long now = clock.getAsLong();
                if (!closed && now - nextDrawNanos >= 0) {
                    nextDrawNanos = now + intervalNanos;
                    target.update(view(false));
                }
            } finally {
                drawing.unlock();
            }
        }
    }

    /** Steps done so far. */
    public long done() {
        return done.get();
    }

    /** The total given at the start (0: unknown). */
    public long total() {
        return total;
    }

    /** Draws the final state; later calls do nothing. */
    @Override
    public void close() {
        drawing.lock();
        try {
            if (!closed) {
                closed = true;
                target.update(view(true));
            }
        } finally {
            drawing.unlock();
        }
    }

    private View view(boolean finished) {
        return new View(label, done.get(), total, clock.getAsLong() - startNanos, finished);
    }

    /**
     * What the bar shows at one moment.
     *
     * @param label        what is progressing
     * @param done         steps done
     * @param total        steps in all, 0 if unknown
     * @param elapsedNanos time since the start
     * @param finished     whether this is the final state
     */
    record View(String label, long done, long total, long elapsedNanos, boolean finished) implements Displayable {

        /** Fraction done in [0, 1]; NaN if the total is unknown. */
        double fraction() {
            return total == 0 ? Double.NaN : Math.min(1.0, (double) done / total);
        }

        String status() {
            double seconds = elapsedNanos / 1e9;
            if (total == 0) {
                return String.format(Locale.ROOT, "%,d done, %.1f s", done, seconds);
            }
            double f = fraction();
            String tail;
            if (finished) {
                tail = done >= total ? "done" : "stopped";
            } else if (f > 0) {
                tail = String.format(Locale.ROOT, "~%.1f s left", seconds / f - seconds);
            } else {
                tail = "starting";
            }
            return String.format(Locale.ROOT, "%,d / %,d (%.0f%%), %.1f s, %s", done, total, 100 * f, seconds, tail);
        }

        @Override
        public MimeBundle toMime() {
            double f = Double.isNaN(fraction()) ? (finished ? 1 : 0) : fraction();
            String color = finished ? (total == 0 || done >= total ? "#59a14f" : "#e15759") : "#4e79a7";
            String html = "<div style=\"display:flex;align-items:center;gap:10px;font:13px sans-serif\">"
                    + "<span style=\"min-width:8em\">" + Html.escape(label) + "</span>"
                    + "<div style=\"width:320px;height:12px;background:#e6e6e6;border-radius:6px;overflow:hidden\">"
                    + String.format(Locale.ROOT, "<div style=\"width:%.1f%%;height:100%%;background:%s\"></div>", 100 * f, color)
                    + "</div><span style=\"color:#444\">" + Html.escape(status()) + "</span></div>";
            int filled = (int) Math.round(f * 30);
            String text = label + " [" + "#".repeat(filled) + ".".repeat(30 - filled) + "] " + status();
            return MimeBundle.html(html, text);
        }

    }
}
