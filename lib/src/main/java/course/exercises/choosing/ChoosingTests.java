package course.exercises.choosing;

import static course.grading.Feedback.require;

import course.grading.DependsOn;
import course.grading.Graded;
import course.grading.Points;
import course.grading.Stress;
import course.grading.Submission;
import course.timing.Conditions;
import course.timing.Machine;
import course.timing.Sample;
import course.timing.Spread;
import course.timing.Sweep;
import course.timing.SweepResult;
import course.timing.Verdict;
import course.workload.Cpu;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 15-choosing. The predictions are checked against exact values on machines of
 * several shapes (1 to 64 cores); the choices against rules on several machines; the measuring code
 * by running it here on a job that counts what it sees, and comparing its figure with the grader's
 * own measurement of the same job in the same JVM, within a tolerance taken from both measurements'
 * spreads; the explanation on made-up runs of every shape and on a run measured here, against what
 * the course's {@link Verdict} says of each.
 */
@Graded("15-choosing")
public class ChoosingTests {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final int[] CORES = {1, 2, 4, 8, 64};

    // ------------------------------------------------------------------ the grader's own answers

    /** Amdahl's law with threads beyond the cores adding nothing. */
    static double amdahl(int threads, int cores, double f) {
        int n = Math.min(threads, cores);
        return 1 / (f + (1 - f) / n);
    }

    /** Waits in waves: ceil(tasks / concurrency) latencies. */
    static Duration waves(int tasks, int concurrency, Duration latency) {
        return latency.multipliedBy((tasks + concurrency - 1) / concurrency);
    }

    /** The cause the order in {@link Cause} gives, read from the course's verdict of the run. */
    static Cause truth(SweepResult<Integer> r, String variant, int threads, double predicted) {
        Verdict v = Verdict.speedup(r, variant, threads);
        return switch (v.outcome()) {
            case ONE_CPU -> Cause.ONE_CPU;
            case BUSY -> Cause.MACHINE_BUSY;
            case INCONCLUSIVE -> Cause.CANNOT_TELL;
            case SHOWN -> predicted <= r.speedupSpread(variant, threads).high() ? Cause.AS_PREDICTED : Cause.SERIAL_FRACTION;
        };
    }

    // ------------------------------------------------------------------ warm-up: predictions

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("warm-up: speedup follows Amdahl's law, up to the cores")
    void speedupAmdahl() {
        Predictor p = Submission.create(Predictor.class);
        String first = null;
        boolean inverted = true;
        boolean twoCores = true;
        boolean ignoresCores = true;
        for (int cores : CORES) {
            for (int threads : new int[] {1, 2, 3, 4, 8, 16}) {
                for (double f : new double[] {0.0, 0.1, 0.25, 0.5, 1.0}) {
                    double want = amdahl(threads, cores, f);
                    double got = p.speedup(threads, cores, f);
                    int n = Math.min(threads, cores);
                    inverted &= close(got, 1 / ((1 - f) + f / n));
                    twoCores &= close(got, amdahl(threads, 2, f));
                    ignoresCores &= close(got, amdahl(threads, threads, f));
                    if (first == null && !close(got, want)) {
                        first = String.format(Locale.ROOT, "speedup(%d threads, %d cores, serial fraction %.2f) returned %.4f;"
                                + " Amdahl's law gives %.4f", threads, cores, f, got, want);
                    }
                }
            }
        }
        if (first == null) {
            return;
        }
        String why = inverted ? "serial fraction inverted: your formula treats serialFraction as the part that runs in parallel"
                : twoCores ? "the machine hard-coded: your predictions are those for 2 cores whatever the cores; use the cores parameter"
                : ignoresCores ? "threads beyond the cores counted: only as many threads as cores run at once, the others take"
                        + " turns and add nothing"
                : "not Amdahl's law: 1 / (f + (1 - f) / n), with n the threads that really run at once";
        require(false, "%s: %s", first, why);
    }

    private static boolean close(double got, double want) {
        return Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("warm-up: waiting tasks take ceil(tasks / concurrency) latencies")
    void ioTimeInWaves() {
        Predictor p = Submission.create(Predictor.class);
        int[][] cases = {{10, 3, 20}, {9, 3, 20}, {1, 8, 50}, {0, 4, 20}, {10_000, 200, 20}, {10_001, 200, 20}, {7, 1, 5}, {5, 10, 100}};
        for (int[] c : cases) {
            Duration latency = Duration.ofMillis(c[2]);
            Duration want = waves(c[0], c[1], latency);
            Duration got = p.ioTime(c[0], c[1], latency);
            require(got != null, "ioTime(%d, %d, %d ms) returned null", c[0], c[1], c[2]);
            if (got.equals(want)) {
                continue;
            }
            String why = got.equals(latency.multipliedBy(c[0] / c[1]))
                    ? "the last, partly filled wave is missing (division rounded down): " + c[0] + " tasks " + c[1]
                            + " at a time need " + ((c[0] + c[1] - 1) / c[1]) + " waves"
                    : got.equals(latency.multipliedBy(c[0]))
                            ? "every task waited one after another: with " + c[1] + " at a time they wait together"
                            : "they run in waves of " + c[1] + ", each wave one latency";
            require(false, "ioTime(%d tasks, concurrency %d, %d ms) returned %s; the right time is %d ms: %s",
                    c[0], c[1], c[2], got, want.toMillis(), why);
        }
    }

    // ------------------------------------------------------------------ core: choosing

    /** How many tasks a plan lets run (compute or wait) at the same time. */
    private static int concurrency(Plan plan, Workload w) {
        return switch (plan.model()) {
            case SEQUENTIAL -> 1;
            case FIXED_POOL, PROCESS_POOL -> plan.threads();
            case PLATFORM_THREAD_PER_TASK -> w.tasks();
            case VIRTUAL_THREADS -> w.kind() == Workload.Kind.CPU ? w.cores() : w.tasks();
            case COMMON_POOL -> Math.max(1, w.cores() - 1);
        };
    }

    private static Plan choose(Chooser chooser, Workload w) {
        Plan plan = chooser.choose(w);
        require(plan != null, "choose returned null for %s: return a Plan, e.g. Plan.of(Model.SEQUENTIAL)", describe(w));
        return plan;
    }

    private static String describe(Workload w) {
        return String.format(Locale.ROOT, "%,d %s tasks of %d ms on %d %s (deadline %d ms, at most %,d platform threads)",
                w.tasks(), w.kind() == Workload.Kind.CPU ? "CPU-bound" : "waiting", w.each().toMillis(), w.cores(),
                w.cores() == 1 ? "core" : "cores", w.deadline().toMillis(), w.threadLimit());
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("core: CPU-bound work gets a pool that keeps every core busy, on any machine")
    void choosesForCpu() {
        Chooser chooser = Submission.create(Chooser.class);
        for (int cores : CORES) {
            Workload w = new Workload(Workload.Kind.CPU, 1_000, Duration.ofMillis(10), cores, Duration.ofSeconds(60), 2_000);
            Plan plan = choose(chooser, w);
            int c = concurrency(plan, w);
            String why = switch (plan.model()) {
                case VIRTUAL_THREADS -> "virtual threads do not make computing faster: they run on a carrier pool sized to the"
                        + " cores, are not time-sliced, and add nothing over a pool of platform threads";
                case PROCESS_POOL -> "that is Python's answer (the GIL); Java threads compute in parallel, so worker JVMs only"
                        + " add start-up and copying, and no task here needs isolation";
                case COMMON_POOL -> "the common pool's parallelism is cores - 1: " + c + " thread(s) for " + cores + " cores";
                case PLATFORM_THREAD_PER_TASK -> "1,000 threads for " + cores + " cores: only " + cores
                        + " compute at once, the rest take turns and cost memory and switches";
                case SEQUENTIAL -> "one thread keeps one core busy";
                case FIXED_POOL -> "a pool of " + plan.threads() + " thread(s) for " + cores + " cores";
            };
            boolean right = plan.model() != Model.VIRTUAL_THREADS && plan.model() != Model.PROCESS_POOL
                    && c >= cores && c <= cores + 1;
            require(right, "for %s you chose %s: %s; size the pool to the cores (the cores, or one more)",
                    describe(w), plan, why);
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("core: many blocking tasks get enough concurrency for the deadline, within the thread limit")
    void choosesForIo() {
        Chooser chooser = Submission.create(Chooser.class);
        for (int cores : new int[] {1, 2, 8}) {
            for (Workload w : List.of(
                    new Workload(Workload.Kind.IO, 10_000, Duration.ofMillis(20), cores, Duration.ofSeconds(1), 500),
                    new Workload(Workload.Kind.IO, 40, Duration.ofMillis(100), cores, Duration.ofMillis(500), 500))) {
                Plan plan = choose(chooser, w);
                int c = concurrency(plan, w);
                int platform = switch (plan.model()) {
                    case FIXED_POOL, PROCESS_POOL -> plan.threads();
                    case PLATFORM_THREAD_PER_TASK -> w.tasks();
                    default -> 0;
                };
                require(plan.model() != Model.PROCESS_POOL, "for %s you chose %s: worker processes add a JVM per worker and"
                        + " copying; waiting needs threads, not isolation", describe(w), plan);
                require(c >= 1, "for %s you chose %s: a pool of no threads runs nothing", describe(w), plan);
                Duration takes = waves(w.tasks(), c, w.each());
                require(takes.compareTo(w.deadline()) <= 0, "for %s you chose %s: only %,d wait at once, so the batch takes"
                        + " %,d ms, past its deadline (a pool sized to the cores is for computing; waiting tasks need a thread"
                        + " each while they wait: Little's law)", describe(w), plan, c, takes.toMillis());
                require(platform <= w.threadLimit(), "for %s you chose %s: %,d platform threads, over the limit of %,d (each"
                        + " reserves a stack): virtual threads wait for almost nothing", describe(w), plan, platform, w.threadLimit());
            }
        }
    }

    // ------------------------------------------------------------------ core: measuring

    /** The grader's measurement of {@code job}: a sweep of runs on a fixed pool of the job's concurrency. */
    private static Spread reference(IoJob job) {
        SweepResult<Void> r = Sweep.compare()
                .title("grader: " + job)
                .task("job", (v, size) -> {
                    try (ExecutorService pool = Executors.newFixedThreadPool(job.concurrency())) {
                        List<Future<?>> all = new ArrayList<>();
                        for (int i = 0; i < job.tasks(); i++) {
                            int task = i;
                            all.add(pool.submit(() -> {
                                job.run(task);
                                return null;
                            }));
                        }
                        for (Future<?> f : all) {
                            f.get();
                        }
                    }
                    return job.tasks();
                })
                .rounds(5).warmup(1).extraRounds(3)
                .budget(Duration.ofSeconds(2))
                .progress(false)
                .run();
        return r.spread("job", null);
    }

    private static Spread measure(IoJob job) throws Exception {
        Meter meter = Submission.create(Meter.class);
        try {
            Spread s = Stress.bounded("your millis", LIMIT, Map.of(), () -> meter.millis(job));
            require(s != null, "millis returned null instead of a Spread (e.g. result.spread(variant, value) of a Sweep)");
            return s;
        } catch (AssertionError e) {
            if (String.valueOf(e.getMessage()).startsWith("hang")) {
                throw new AssertionError("hung: millis did not return within " + LIMIT.toSeconds() + " s for a job of " + job
                        + " (a wait without an end, or far too many rounds); " + e.getMessage(), e);
            }
            throw e;
        }
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("core: the meter runs every task, at most `concurrency` at once, finished before the clock stops, several rounds")
    void meterRunsTheJob() throws Exception {
        IoJob job = IoJob.of(24, 6, Duration.ofMillis(20));
        Spread s = measure(job);
        int stillWaiting = job.inFlight();
        require(stillWaiting == 0 && job.started() == job.finished(), "timed before the work ended: %d task(s) were still waiting"
                + " when millis returned: the clock stopped before the tasks finished (wait for the executor to end, join the"
                + " threads or the futures, before reading the clock)", Math.max(stillWaiting, job.started() - job.finished()));
        require(job.outOfRange() == 0, "%d call(s) of run() with a task number outside 0 .. %d", job.outOfRange(), job.tasks() - 1);
        require(job.started() > 0, "millis never ran the job: a number is not a measurement");
        require(s.count() >= 3, "a single run is not a measurement: your Spread has %d value(s); report the median and spread of"
                + " several rounds (at least 3) after a warm-up, as a Sweep does", s.count());
        require(job.started() % job.tasks() == 0, "each run must run all %d tasks of the job once; %d tasks ran in all, not a"
                + " whole number of runs", job.tasks(), job.started());
        require(job.started() >= s.count() * job.tasks(), "your Spread has %d rounds but only %d runs of the job happened",
                s.count(), job.started() / job.tasks());
        require(job.maxInFlight() <= job.concurrency(), "limit exceeded: up to %d tasks waited at once, the job allows %d"
                + " (a pool of that size, or a Semaphore around each task)", job.maxInFlight(), job.concurrency());
        require(job.maxInFlight() == job.concurrency(), "sequential instead of concurrent: at most %d task(s) waited at once,"
                + " the job allows %d: run them %d at a time", job.maxInFlight(), job.concurrency(), job.concurrency());
        require(s.median() > 0 && s.min() <= s.median() && s.median() <= s.max(), "your Spread %s is not a spread of wall times"
                + " in milliseconds (min <= median <= max, all positive)", s);
    }

    @Test
    @Order(6)
    @Points(3)
    @DisplayName("core: the meter's figure agrees with the grader's measurement of the same job here, within their spreads")
    @DependsOn("meterRunsTheJob")
    void meterAgreesWithGrader() throws Exception {
        Duration latency = Duration.ofMillis(25);
        int tasks = 15;
        int concurrency = 4;
        // The grader's jobs need no cold start (its sweep warms up); the learner's has a long one, so that a figure that
        // includes it (no warm-up, a mean) stands out by far more than the noise of a loaded machine.
        Duration cold = Duration.ofSeconds(1);
        Spread before = reference(IoJob.withColdStart(tasks, concurrency, latency, Duration.ZERO));
        Spread yours = measure(IoJob.withColdStart(tasks, concurrency, latency, cold));
        Spread after = reference(IoJob.withColdStart(tasks, concurrency, latency, Duration.ZERO));
        double low = Math.min(before.low(), after.low());
        double high = Math.max(before.high(), after.high());
        double widest = Math.max(Math.max(before.high() - before.low(), after.high() - after.low()), yours.high() - yours.low());
        double median = (before.median() + after.median()) / 2;
        double slack = Math.max(2 * widest, 0.1 * median);
        String grader = String.format(Locale.ROOT, "the grader measured the same job (%d tasks of %d ms, %d at once) at %s ms"
                + " before yours and %s ms after (predicted: %d ms), so it accepts %.1f to %.1f ms (its quartiles, widened by"
                + " 2 spreads or 10%%)", tasks, latency.toMillis(), concurrency, before, after,
                waves(tasks, concurrency, latency).toMillis(), low - slack, high + slack);
        require(yours.median() >= low - slack, "too short: your meter measured %s ms; %s: the clock stopped before the tasks"
                + " finished (an executor not awaited, a future not joined)", yours, grader);
        require(yours.median() <= high + slack, "too long: your meter measured %s ms; %s: the first run's cold start (%d ms)"
                + " is in your figure (no warm-up, or a mean that includes the first run), or the rounds were added up",
                yours, grader, cold.toMillis());
    }

    // ------------------------------------------------------------------ stretch: explaining

    /** A made-up run of {@code threads} threads against 1, with the given per-round speedups. */
    private static SweepResult<Integer> run(int cores, double othersShare, int threads, double baseMillis, double... speedups) {
        var samples = new ArrayList<Sample<Integer>>();
        for (int round = 0; round < speedups.length; round++) {
            long base = (long) (baseMillis * 1e6 * (1 + 0.01 * (round % 3)));
            long wall = (long) (base / speedups[round]);
            samples.add(new Sample<>("work", 1, round, base, base));
            samples.add(new Sample<>("work", threads, round, wall, (long) (wall * Math.min(threads, cores) * 0.97)));
        }
        Conditions c = new Conditions(cores, 0.2, othersShare, 0.0, 1.0, 0, 0.03);
        Machine m = new Machine(cores, 0.2, 1L << 30, "25", "Linux amd64");
        return new SweepResult<>("work on threads", "threads", List.of("work"), List.of(1, threads), 1_000, 1_000,
                samples, "work", 1, m, c);
    }

    private record Case(String what, SweepResult<Integer> run, int threads, double predicted, Cause expected, String why) {
    }

    private static List<Case> cases() {
        return List.of(
                new Case("a quiet 4-core run of 4 threads that measured about 3.1x, where you predicted 3.08x (serial fraction 0.1)",
                        run(4, 0.02, 4, 200, 3.0, 3.1, 3.15, 3.2, 3.05), 4, amdahl(4, 4, 0.1), Cause.AS_PREDICTED,
                        "the speedup is clear and the rounds reach the prediction"),
                new Case("a quiet 4-core run of 4 threads that measured about 2.3x, where you predicted 4x",
                        run(4, 0.02, 4, 200, 2.2, 2.3, 2.35, 2.25, 2.4), 4, 4.0, Cause.SERIAL_FRACTION,
                        "the speedup is clear, but every round stays below 4x: part of the work ran on one thread"),
                new Case("a quiet 8-core run of 4 threads that measured about 4x, where you predicted 4x",
                        run(8, 0.01, 4, 150, 3.9, 4.0, 4.05, 4.1, 3.95), 4, 4.0, Cause.AS_PREDICTED,
                        "the speedup is clear and the rounds reach the prediction"),
                new Case("a quiet one-CPU run of 4 threads that measured about 1x, where you predicted 4x",
                        run(1, 0.02, 4, 200, 0.98, 1.0, 1.01, 0.99, 1.0), 4, 4.0, Cause.ONE_CPU,
                        "the run had one CPU: threads take turns, whatever else happened"),
                new Case("a one-CPU run of 2 threads on a busy machine (others took 60% of the CPU)",
                        run(1, 0.6, 2, 200, 0.9, 1.1, 1.0, 0.8, 1.05), 2, 2.0, Cause.ONE_CPU,
                        "one CPU comes first: even a quiet one-CPU machine cannot show a speedup"),
                new Case("a 2-core run of 2 threads while other programs took 60% of the CPU, measured about 1.1x",
                        run(2, 0.6, 2, 200, 1.1, 1.3, 0.9, 1.2, 1.0), 2, 2.0, Cause.MACHINE_BUSY,
                        "the Verdict of the run says the machine was busy: the figure is not trusted"),
                new Case("a quiet 8-core run of 8 threads whose runs took under 1 ms",
                        run(8, 0.01, 8, 0.4, 3.0, 5.0, 2.0, 6.0, 4.0), 8, 8.0, Cause.CANNOT_TELL,
                        "runs under 1 ms are too short to measure: the Verdict is inconclusive"),
                new Case("a quiet 2-core run of 2 threads that measured about 1.0x, within noise",
                        run(2, 0.02, 2, 100, 1.0, 1.05, 0.97, 1.1, 1.02), 2, 2.0, Cause.CANNOT_TELL,
                        "a speedup within noise of 1x claims nothing: the Verdict is inconclusive"),
                new Case("a quiet 2-core run of 2 threads with only 2 rounds, measured 1.9x",
                        run(2, 0.02, 2, 100, 1.9, 1.92), 2, 2.0, Cause.CANNOT_TELL,
                        "2 rounds are too few to tell an effect from noise"));
    }

    private static Cause explain(Explainer e, SweepResult<Integer> r, int threads, double predicted) throws Exception {
        return Stress.bounded("your cause", LIMIT, Map.of(), () -> e.cause(r, "work", threads, predicted));
    }

    @Test
    @Order(7)
    @Points(3)
    @DisplayName("stretch: explains runs of every shape: one CPU, busy, too short, as predicted, serial fraction")
    void explainsEveryShape() throws Exception {
        Explainer explainer = Submission.create(Explainer.class);
        for (Case c : cases()) {
            Cause right = truth(c.run(), "work", c.threads(), c.predicted());
            if (right != c.expected()) {
                throw new IllegalStateException("grader's case is wrong: " + c.what() + " gives " + right);
            }
            Cause yours = explain(explainer, c.run(), c.threads(), c.predicted());
            require(yours == right, "for %s you answered %s; the answer is %s: %s%s", c.what(), yours, right, c.why(),
                    yours == Cause.ONE_CPU && c.run().conditions().cores() > 1
                            ? " (your answer must come from the run: this one had " + c.run().conditions().cores() + " cores)"
                            : "");
        }
    }

    private static long hits(int threads, int samples) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                parts.add(pool.submit(() -> Cpu.monteCarloHits(samples / threads, seed)));
            }
            long sum = 0;
            for (Future<Long> f : parts) {
                sum += f.get();
            }
            return sum;
        }
    }

    @Test
    @Order(8)
    @Points(2)
    @DisplayName("stretch: explains a run measured here, on this machine")
    @DependsOn("explainsEveryShape")
    void explainsThisMachine() throws Exception {
        Explainer explainer = Submission.create(Explainer.class);
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = cores == 1 ? 2 : Math.min(cores, 4);
        SweepResult<Integer> r = Sweep.over("threads", 1, threads)
                .title("grader: Monte Carlo on a fixed pool")
                .task("work", (n, size) -> hits(n, size))
                .size(4_000_000)
                .rounds(5).warmup(1).extraRounds(2)
                .budget(Duration.ofMillis(1200))
                .progress(false)
                .run();
        double predicted = amdahl(threads, threads, 0.0);
        Cause right = truth(r, "work", threads, predicted);
        Cause yours = explain(explainer, r, threads, predicted);
        require(yours == right, "the grader measured %d threads against 1 here (%s; %s) and predicted %.1fx; you answered %s,"
                + " the run says %s: %s", threads, r.speedupSpread("work", threads), r.conditions().summary(), predicted,
                yours, right, Verdict.speedup(r, "work", threads).label());
    }
}
