package course.timing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records which thread ran which task when, from any number of threads at once; draw it with
 * {@code Charts.timeline(timeline)}.
 *
 * <pre>{@code
 * var tl = Timeline.start();
 * try (var pool = Executors.newFixedThreadPool(2)) {
 *     for (int i = 0; i < 6; i++) {
 *         pool.submit(tl.wrap("task " + i, () -> work()));     // wrap a task
 *     }
 * }
 * tl.run("merge", () -> merge());                               // or run one now
 * try (var s = tl.begin("step")) { step(); }                    // or mark a block
 * show(Charts.timeline(tl));
 * }</pre>
 *
 * <p>A task that throws is still recorded (up to the moment it threw). Times are relative to
 * {@link #start()}.
 */
public final class Timeline {

    private final Clocks clocks;
    private final long origin;
    private final ConcurrentLinkedQueue<Span> spans = new ConcurrentLinkedQueue<>();

    private Timeline(Clocks clocks) {
        this.clocks = clocks;
        this.origin = clocks.wallNanos();
    }

    /** A new, empty timeline whose clock starts now. */
    public static Timeline start() {
        return new Timeline(Clocks.SYSTEM);
    }

    static Timeline start(Clocks clocks) {
        return new Timeline(clocks);
    }

    /** Runs {@code task} on the calling thread and records it. */
    public void run(String label, Runnable task) {
        Objects.requireNonNull(task, "task");
        try (var open = begin(label)) {
            task.run();
        }
    }

    /** Calls {@code task} on the calling thread, records it, and returns its value. */
    public <T> T call(String label, Callable<T> task) throws Exception {
        Objects.requireNonNull(task, "task");
        try (var open = begin(label)) {
            return task.call();
        }
    }

    /** A runnable that records itself on this timeline when (and on whichever thread) it runs. */
    public Runnable wrap(String label, Runnable task) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(task, "task");
        return () -> run(label, task);
    }

    /** A callable that records itself on this timeline when (and on whichever thread) it runs. */
    public <T> Callable<T> wrap(String label, Callable<T> task) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(task, "task");
        return () -> call(label, task);
    }

    /**
     * Marks the start of a task on the calling thread; closing the returned handle records it.
     * For code that is not a lambda: {@code try (var s = tl.begin("parse")) { ... }}.
     */
    public Open begin(String label) {
        Objects.requireNonNull(label, "label");
        return new Open(label, threadName(Thread.currentThread()), now());
    }

    /** Nanoseconds since this timeline started. */
    public long nowNanos() {
        return now();
    }

    /** Every span recorded so far, ordered by start time. A copy: later recordings do not change it. */
    public List<Span> spans() {
        var list = new ArrayList<>(spans);
        list.sort(Comparator.comparingLong(Span::startNanos).thenComparingLong(Span::endNanos));
        return List.copyOf(list);
    }

    /** The threads that ran tasks, in the order of their first task. */
    public List<String> threads() {
        var names = new LinkedHashSet<String>();
        for (Span s : spans()) {
            names.add(s.thread());
        }
        return List.copyOf(names);
    }

    /** The most tasks that were running at the same moment. */
    public int maxConcurrency() {
        var events = new ArrayList<long[]>();
        for (Span s : spans) {
            events.add(new long[] {s.startNanos(), +1});
            events.add(new long[] {s.endNanos(), -1});
        }
        // ends before starts at equal times: touching spans are not concurrent
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int running = 0;
        int max = 0;
        for (long[] e : events) {
            running += (int) e[1];
            max = Math.max(max, running);
        }
        return max;
    }

    private long now() {
        return clocks.wallNanos() - origin;
    }

    static String threadName(Thread t) {
        String name = t.getName();
        if (name == null || name.isEmpty()) {
            return (t.isVirtual() ? "virtual #" : "thread #") + t.threadId();
        }
        return name;
    }

    @Override
    public String toString() {
        return "Timeline[" + spans.size() + " spans on " + threads().size() + " threads]";
    }

    /** A task that has begun and is recorded when closed. Close it on the thread that began it. */
    public final class Open implements AutoCloseable {
        private final String label;
        private final String thread;
        private final long startNanos;
        private boolean closed;

        private Open(String label, String thread, long startNanos) {
            this.label = label;
            this.thread = thread;
            this.startNanos = startNanos;
        }

        /** Records the span; a second call does nothing. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                spans.add(new Span(thread, label, startNanos, Math.max(startNanos, now())));
            }
        }
    }
}
