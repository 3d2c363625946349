package course.trace;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Records what threads do while a piece of code runs: a sampler thread asks the JVM
 * ({@link ThreadMXBean}) every interval for the state of each thread and where it waits, and the
 * samples become a {@link StateTimeline} (one row per thread: running, blocked, waiting, parked,
 * sleeping over time).
 *
 * <pre>{@code
 * StateTimeline states = ThreadStates.sample().threadsNamed("worker-").during(() -> demo());
 * show(Charts.threadStates(states));
 * }</pre>
 *
 * <p>By default it samples every thread that did not exist when the recording started (the threads
 * the code starts); {@link #threadsNamed} picks threads by name instead. Sampling sees platform
 * threads only: the JVM's thread bean does not list virtual threads (a JSON thread dump or JFR does).
 * A sample is a snapshot: a state shorter than the interval may be missed, and a thread shown as
 * running may have been waiting for a CPU.
 */
public final class ThreadStates {

    /** Code to record; it may throw. */
    @FunctionalInterface
    public interface Body {
        /** Runs the code. */
        void run() throws Exception;
    }

    /** The most samples kept per recording, over all threads (a long recording stops sampling, marked truncated). */
    static final int MAX_SAMPLES = 200_000;

    private Duration interval = Duration.ofMillis(1);
    private String prefix;

    private ThreadStates() {
    }

    /** A recorder with a sample every millisecond, of the threads the recorded code starts. */
    public static ThreadStates sample() {
        return new ThreadStates();
    }

    /** The time between samples (default 1 ms; at least 0.1 ms). */
    public ThreadStates every(Duration interval) {
        if (interval.toNanos() < 100_000) {
            throw new IllegalArgumentException("sample at most every 0.1 ms, not every " + interval);
        }
        this.interval = interval;
        return this;
    }

    /** Samples the threads whose names start with {@code prefix} (whenever they were started). */
    public ThreadStates threadsNamed(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        return this;
    }

    /**
     * Runs {@code body} on the calling thread while sampling, then returns the timeline. The sampler
     * is stopped and joined before this returns, also when {@code body} throws (which is re-thrown).
     */
    public StateTimeline during(Body body) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Set<Long> before = new HashSet<>();
        for (long id : mx.getAllThreadIds()) {
            before.add(id);
        }
        Sampler sampler = new Sampler(mx, before, prefix, interval.toNanos());
        Thread thread = Thread.ofPlatform().name("course-state-sampler").daemon(true).start(sampler);
        try {
            body.run();
        } finally {
            sampler.stop = true;
            LockSupport.unpark(thread);
            thread.join(Duration.ofSeconds(5));
        }
        return sampler.timeline(interval);
    }

    /** The sampling loop and what it saw, per thread id. */
    private static final class Sampler implements Runnable {
        private final ThreadMXBean mx;
        private final Set<Long> before;
        private final String prefix;
        private final long intervalNanos;
        private final long start = System.nanoTime();
        private final Map<Long, String> names = new LinkedHashMap<>();
        private final Map<Long, List<long[]>> samples = new LinkedHashMap<>(); // {time, state ordinal}
        private volatile boolean stop;
        private long taken;
        private int kept;
        private boolean truncated;
        private long end;

        Sampler(ThreadMXBean mx, Set<Long> before, String prefix, long intervalNanos) {
            this.mx = mx;
            this.before = before;
            this.prefix = prefix;
            this.intervalNanos = intervalNanos;
        }

        @Override
        public void run() {
            long self = Thread.currentThread().threadId();
            while (!stop) {
                long now = System.nanoTime() - start;
                for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds(), 1)) {
                    if (info == null || info.getThreadId() == self || !wanted(info)) {
                        continue;
                    }
                    if (kept >= MAX_SAMPLES) {
                        truncated = true;
                        break;
                    }
                    names.put(info.getThreadId(), info.getThreadName());
                    samples.computeIfAbsent(info.getThreadId(), id -> new ArrayList<>())
                            .add(new long[] {now, RunState.of(info).ordinal()});
                    kept++;
                }
                taken++;
                if (truncated) {
                    break;
                }
                LockSupport.parkNanos(intervalNanos);
            }
            end = System.nanoTime() - start;
        }

        private boolean wanted(ThreadInfo info) {
            return prefix != null ? info.getThreadName().startsWith(prefix) : !before.contains(info.getThreadId());
        }

        /** Called after the sampler thread was joined: its fields are visible (join happens-before). */
        StateTimeline timeline(Duration interval) {
            List<StateTimeline.Row> rows = new ArrayList<>();
            RunState[] states = RunState.values();
            samples.forEach((id, list) -> {
                List<StateTimeline.Segment> segments = new ArrayList<>();
                for (int i = 0; i < list.size(); ) {
                    int j = i;
                    while (j + 1 < list.size() && list.get(j + 1)[1] == list.get(i)[1]) {
                        j++;
                    }
                    long from = list.get(i)[0];
                    long to = j + 1 < list.size() ? list.get(j + 1)[0] : list.get(j)[0] + intervalNanos;
                    segments.add(new StateTimeline.Segment(states[(int) list.get(i)[1]], from, to));
                    i = j + 1;
                }
                rows.add(new StateTimeline.Row(names.get(id), segments));
            });
            return new StateTimeline(rows, interval, taken, Duration.ofNanos(end), Runtime.getRuntime().availableProcessors(), truncated);
        }
    }
}
