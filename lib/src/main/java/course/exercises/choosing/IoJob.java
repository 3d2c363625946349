package course.exercises.choosing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A batch of waiting tasks to measure: {@link #tasks()} tasks, each {@link #run(int)} waits about
 * {@link #latency()}, and at most {@link #concurrency()} of them may wait at the same time (a server that
 * accepts that many connections). Like real code, a job is slower the first time: the very first task it
 * runs also waits {@link #coldStart()} (its connection opens), so measure after a warm-up.
 *
 * <p>The job counts what it sees: tasks started and finished, and the most that waited at once.
 */
public final class IoJob {

    private final int tasks;
    private final int concurrency;
    private final Duration latency;
    private final Duration coldStart;
    private final AtomicBoolean cold = new AtomicBoolean(true);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger outOfRange = new AtomicInteger();

    private IoJob(int tasks, int concurrency, Duration latency, Duration coldStart) {
        if (tasks < 1 || concurrency < 1) {
            throw new IllegalArgumentException("a job needs at least 1 task and a concurrency of at least 1, not "
                    + tasks + " and " + concurrency);
        }
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative() || latency.isZero()) {
            throw new IllegalArgumentException("the latency must be positive, e.g. Duration.ofMillis(20), not " + latency);
        }
        this.tasks = tasks;
        this.concurrency = concurrency;
        this.latency = latency;
        this.coldStart = coldStart;
    }

    /** A job of {@code tasks} waits of {@code latency}, at most {@code concurrency} at once; its cold start is 12 latencies. */
    public static IoJob of(int tasks, int concurrency, Duration latency) {
        return new IoJob(tasks, concurrency, latency, Objects.requireNonNull(latency, "latency").multipliedBy(12));
    }

    /** The same job with another cold start (the grader's: none for its own measurements, a long one to tell a mean from a median). */
    static IoJob withColdStart(int tasks, int concurrency, Duration latency, Duration coldStart) {
        return new IoJob(tasks, concurrency, latency, Objects.requireNonNull(coldStart, "coldStart"));
    }

    /** How many tasks one run of the job has: {@code run(0)} to {@code run(tasks() - 1)}. */
    public int tasks() {
        return tasks;
    }

    /** The most tasks that may wait at the same time. */
    public int concurrency() {
        return concurrency;
    }

    /** How long one task waits. */
    public Duration latency() {
        return latency;
    }

    /** The extra wait of the first task this job ever runs. */
    public Duration coldStart() {
        return coldStart;
    }

    /** Runs task {@code task} (0 to {@code tasks() - 1}): waits {@link #latency()}, the very first time also {@link #coldStart()}. */
    public void run(int task) throws InterruptedException {
        if (task < 0 || task >= tasks) {
            outOfRange.incrementAndGet();
            throw new IllegalArgumentException("this job's tasks are 0 to " + (tasks - 1) + ", not " + task);
        }
        started.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            if (cold.getAndSet(false)) {
                Thread.sleep(coldStart);
            }
            Thread.sleep(latency);
        } finally {
            inFlight.decrementAndGet();
            finished.incrementAndGet();
        }
    }

    /** Tasks started so far, over all runs. */
    public int started() {
        return started.get();
    }

    /** Tasks finished so far, over all runs. */
    public int finished() {
        return finished.get();
    }

    /** The most tasks that waited at the same time so far. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Tasks waiting right now. */
    public int inFlight() {
        return inFlight.get();
    }

    int outOfRange() {
        return outOfRange.get();
    }

    @Override
    public String toString() {
        return tasks + " tasks of " + latency.toMillis() + " ms, at most " + concurrency + " at once";
    }
}
