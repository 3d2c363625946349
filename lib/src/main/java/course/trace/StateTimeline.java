package course.trace;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What each sampled thread did over a recording, as runs of one {@link RunState}.
 *
 * @param rows      one row per thread, in the order the threads were first seen
 * @param interval  the time between two samples
 * @param samples   how many samples were taken (per thread sampled, all threads at once)
 * @param elapsed   how long the recording lasted
 * @param cpus      processors available to the JVM
 * @param truncated whether sampling stopped early because the recording grew too large
 */
public record StateTimeline(List<Row> rows, Duration interval, long samples, Duration elapsed, int cpus, boolean truncated) {

    /** Copies the rows. */
    public StateTimeline {
        rows = List.copyOf(rows);
    }

    /**
     * A run of samples in which a thread was in one state.
     *
     * @param state      the state
     * @param startNanos when the first sample saw it, in nanoseconds after the recording started
     * @param endNanos   when the next state was first seen (or one interval after the thread's last sample)
     */
    public record Segment(RunState state, long startNanos, long endNanos) {

        /** Start in milliseconds after the recording started. */
        public double startMillis() {
            return startNanos / 1e6;
        }

        /** End in milliseconds after the recording started. */
        public double endMillis() {
            return endNanos / 1e6;
        }

        /** Length in nanoseconds. */
        public long durationNanos() {
            return endNanos - startNanos;
        }
    }

    /**
     * One thread's segments, in time order.
     *
     * @param thread   the thread's name
     * @param segments its runs of one state
     */
    public record Row(String thread, List<Segment> segments) {

        /** Copies the segments. */
        public Row {
            segments = List.copyOf(segments);
        }

        /** Nanoseconds during which this thread was sampled at all. */
        public long observedNanos() {
            return segments.stream().mapToLong(Segment::durationNanos).sum();
        }

        /** The share (0 to 1) of this thread's observed time spent in {@code state}; 0 if never observed. */
        public double share(RunState state) {
            long all = observedNanos();
            return all == 0 ? 0 : segments.stream().filter(s -> s.state() == state).mapToLong(Segment::durationNanos).sum() / (double) all;
        }
    }

    /** The names of the sampled threads. */
    public List<String> threads() {
        return rows.stream().map(Row::thread).toList();
    }

    /** The row of the thread named {@code thread}, if it was sampled. */
    public Optional<Row> row(String thread) {
        return rows.stream().filter(r -> r.thread().equals(thread)).findFirst();
    }

    /** The share of all sampled threads' observed time spent in {@code state}. */
    public double share(RunState state) {
        long all = rows.stream().mapToLong(Row::observedNanos).sum();
        long in = rows.stream().flatMap(r -> r.segments().stream()).filter(s -> s.state() == state)
                .mapToLong(Segment::durationNanos).sum();
        return all == 0 ? 0 : in / (double) all;
    }

    /** Per thread: how long it was observed and the percentage of that time in each state. */
    public Table table() {
        StringColumn thread = StringColumn.create("thread");
        DoubleColumn observed = DoubleColumn.create("observed ms");
        Map<RunState, DoubleColumn> shares = new EnumMap<>(RunState.class);
        for (RunState s : RunState.values()) {
            shares.put(s, DoubleColumn.create(s.name().toLowerCase(Locale.ROOT) + " %"));
        }
        for (Row r : rows) {
            thread.append(r.thread());
            observed.append(Math.round(r.observedNanos() / 1e5) / 10.0);
            shares.forEach((s, col) -> col.append(Math.round(r.share(s) * 1000) / 10.0));
        }
        Table t = Table.create(String.format(Locale.ROOT, "Thread states: %d threads, a sample every %s, %d samples, %d %s%s",
                rows.size(), describe(interval), samples, cpus, cpus == 1 ? "CPU" : "CPUs", truncated ? " (truncated)" : ""),
                thread, observed);
        shares.values().forEach(t::addColumns);
        return t;
    }

    private static String describe(Duration d) {
        return d.toNanos() % 1_000_000 == 0 ? d.toMillis() + " ms" : String.format(Locale.ROOT, "%.2f ms", d.toNanos() / 1e6);
    }

    @Override
    public String toString() {
        return table().printAll();
    }
}
