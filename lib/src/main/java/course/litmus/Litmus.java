package course.litmus;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A litmus test in the style of OpenJDK's jcstress: two actors run at the same time against a
 * fresh state object, millions of times; after both have finished with a state, an arbiter names
 * the outcome it sees ({@code "r1=0, r2=0"}). The counts show which outcomes this machine, this
 * JVM and this code produce, including outcomes that a reading "in program order" says are
 * impossible.
 *
 * <pre>{@code
 * class SB { int x, y, r1, r2; }
 * LitmusResult r = Litmus.of("store buffering, plain", SB::new)
 *     .actor1(s -> { s.x = 1; s.r1 = s.y; })
 *     .actor2(s -> { s.y = 1; s.r2 = s.x; })
 *     .outcome(s -> s.r1 + ", " + s.r2)
 *     .interesting("0, 0")
 *     .run();
 * }</pre>
 *
 * <p>How it runs: states are made in batches. The calling thread is actor 1; one more thread is
 * actor 2, waiting at a spinning start line. At each start both walk the same batch in the same
 * order, so that both actors touch each state at nearly the same moment; after the batch the
 * calling thread applies the arbiter to every state.
 * Every loop checks the time budget, so a run ends on time even on one CPU, where the actors
 * take turns and never run at the same instant (outcomes that need two CPUs cannot appear there).
 * A run proves only what it saw: an outcome it did not see may still be allowed.
 *
 * @param <S> the state both actors share, one fresh object per run
 */
public final class Litmus<S> {

    private static final int DEFAULT_BATCH = 1_024;

    private final String name;
    private final Supplier<? extends S> state;
    private Consumer<? super S> actor1;
    private Consumer<? super S> actor2;
    private Function<? super S, String> arbiter;
    private Set<String> interesting = Set.of();
    private Set<String> forbidden = Set.of();
    private Duration budget = Duration.ofMillis(500);
    private int batch = DEFAULT_BATCH;

    private Litmus(String name, Supplier<? extends S> state) {
        this.name = Objects.requireNonNull(name, "name");
        this.state = Objects.requireNonNull(state, "state");
    }

    /** A litmus test named {@code name}; {@code state} makes one fresh state per run. */
    public static <S> Litmus<S> of(String name, Supplier<? extends S> state) {
        return new Litmus<>(name, state);
    }

    /** What the first actor does to a state. */
    public Litmus<S> actor1(Consumer<? super S> actor) {
        this.actor1 = Objects.requireNonNull(actor, "actor");
        return this;
    }

    /** What the second actor does to the same state, at the same time. */
    public Litmus<S> actor2(Consumer<? super S> actor) {
        this.actor2 = Objects.requireNonNull(actor, "actor");
        return this;
    }

    /** Names the outcome of a state once both actors are done with it (runs on the calling thread). */
    public Litmus<S> outcome(Function<? super S, String> arbiter) {
        this.arbiter = Objects.requireNonNull(arbiter, "arbiter");
        return this;
    }

    /** Outcomes worth counting out loud: allowed, but surprising. */
    public Litmus<S> interesting(String... outcomes) {
        this.interesting = Set.of(outcomes);
        return this;
    }

    /** Outcomes the Java Memory Model forbids for this code: seeing one would be a JVM bug. */
    public Litmus<S> forbidden(String... outcomes) {
        this.forbidden = Set.of(outcomes);
        return this;
    }

    /** How long the whole run may take (default 500 ms). */
    public Litmus<S> budget(Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the budget must be positive, not " + budget);
        }
        this.budget = budget;
        return this;
    }

    /** States per batch (default 1,024): both actors walk one batch between two start lines. */
    public Litmus<S> batch(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a batch holds at least one state, not " + size);
        }
        this.batch = size;
        return this;
    }

    /**
     * Runs batches until the budget is spent and counts the outcomes.
     *
     * @throws IllegalStateException if an actor or the arbiter is missing
     * @throws InterruptedException  if the calling thread is interrupted (the actors are stopped first)
     */
    public LitmusResult run() throws InterruptedException {
        if (actor1 == null || actor2 == null || arbiter == null) {
            throw new IllegalStateException(name + ": set actor1, actor2 and outcome before run()");
        }
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long deadline = start + budget.toNanos();
        Rendezvous line = new Rendezvous(deadline);
        Object[] states = new Object[batch];
        // Two threads in all, so that both actors can run at once on two CPUs: the calling thread is
        // actor 1 (and makes and judges the states between batches), one more thread is actor 2.
        Thread second = Thread.ofPlatform().name("litmus-actor-2").daemon(true).unstarted(() -> {
            try {
                for (int seen = 0; ; ) {
                    seen = line.awaitStart(seen);
                    if (seen < 0 || !walk(actor2, states, line, Long.MAX_VALUE)) {
                        return;
                    }
                    line.finished();
                }
            } catch (RuntimeException | Error e) {
                line.fail(e);
            }
        });
        Map<String, Long> counts = new HashMap<>();
        long runs = 0;
        try {
            second.start();
            while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                for (int i = 0; i < states.length; i++) {
                    states[i] = state.get();
                }
                line.go();
                if (!walk(actor1, states, line, deadline) || !line.awaitFinished()) {
                    break; // out of time in the middle of a batch: it is not counted
                }
                for (Object s : states) {
                    @SuppressWarnings("unchecked")
                    S typed = (S) s;
                    counts.merge(arbiter.apply(typed), 1L, Long::sum);
                }
                runs += states.length;
            }
        } catch (RuntimeException | Error e) {
            line.fail(e);
        } finally {
            line.stop();
        }
        boolean interrupted = Thread.interrupted();
        try {
            second.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (line.failure != null) {
            throw new IllegalStateException(name + ": an actor threw " + line.failure, line.failure);
        }
        if (interrupted) {
            throw new InterruptedException(name + ": interrupted; the actors were stopped");
        }
        long wall = System.nanoTime() - start;
        long cpu = processCpuNanos();
        double cpuPerWall = cpuStart < 0 || cpu < 0 || wall <= 0 ? Double.NaN : (cpu - cpuStart) / (double) wall;
        return new LitmusResult(name, runs, counts, interesting, forbidden, Duration.ofNanos(wall),
                Runtime.getRuntime().availableProcessors(), loadAverage(), cpuPerWall);
    }

    /** Applies the actor to every state of the batch in order; false if the run stopped or its deadline passed first. */
    private static <S> boolean walk(Consumer<? super S> actor, Object[] states, Rendezvous line, long deadline) {
        for (int i = 0; i < states.length; i++) {
            if ((i & 15) == 0 && (line.stopped || System.nanoTime() > deadline)) {
                return false;
            }
            @SuppressWarnings("unchecked")
            S typed = (S) states[i];
            actor.accept(typed);
        }
        return true;
    }

    /** The start line and finish line of each batch; every wait ends by the deadline or when the run stops. */
    private static final class Rendezvous {
        private final long deadline;
        private final AtomicInteger epoch = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private volatile boolean stopped;
        private volatile Throwable failure;
        /** On one CPU the other side cannot arrive while this one spins: give the CPU away almost at once. */
        private static final int SPINS = Runtime.getRuntime().availableProcessors() > 1 ? 20_000 : 20;

        Rendezvous(long deadline) {
            this.deadline = deadline;
        }

        /** Starts actor 2 on the next batch. */
        void go() {
            done.set(0);
            epoch.incrementAndGet();
        }

        /** True once actor 2 finished the batch, false if time ran out or the run failed. */
        boolean awaitFinished() {
            for (int spins = 0; done.get() == 0; spins++) {
                if (stopped || System.nanoTime() > deadline) {
                    return false;
                }
                pause(spins);
            }
            return true;
        }

        /** Waits for an epoch after {@code seen}; -1 when the run is over. */
        int awaitStart(int seen) {
            for (int spins = 0; ; spins++) {
                if (stopped) {
                    return -1;
                }
                int now = epoch.get();
                if (now != seen) {
                    return now;
                }
                pause(spins);
            }
        }

        void finished() {
            done.incrementAndGet();
        }

        void fail(Throwable t) {
            failure = t;
            stopped = true;
        }

        void stop() {
            stopped = true;
        }

        /** Spin while the other side is likely to arrive soon (both actors must start together), then give the CPU away. */
        private static void pause(int spins) {
            if (spins < SPINS) {
                Thread.onSpinWait();
            } else if (spins < SPINS + 100) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(20_000);
            }
        }
    }

    /** CPU time of this JVM's threads, all of them, in nanoseconds; -1 where the JVM cannot tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static double loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? Double.NaN : load;
    }

    @Override
    public String toString() {
        return "Litmus[" + name + "]";
    }
}
