package course.timing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Measures one or more variants of a workload over a parameter sweep, honestly: warm-up rounds
 * first, then several measured rounds; inside each round every configuration (variant, value)
 * runs once, and each round starts at a different configuration so that no variant always runs
 * first or last; wall time and process CPU time for every run; and a time budget that the sweep
 * keeps by shrinking the problem size.
 *
 * <pre>{@code
 * SweepResult<Integer> r = Sweep.over("threads", List.of(1, 2, 4))
 *     .title("Counting primes")
 *     .task("platform threads", (threads, size) -> countWithThreads(threads, size))
 *     .task("parallel stream",  (threads, size) -> countWithStream(threads, size))
 *     .size(2_000_000)
 *     .run();
 * show(r);                       // the table
 * show(Charts.speedup(r));       // the chart
 * }</pre>
 *
 * <p><b>Budget.</b> Before measuring, each configuration runs once at the requested size
 * (calibration), and that time counts against the budget. If {@code (warmup + rounds)} times the
 * sum of those costs exceeds what is left of the budget (at least a tenth of it), the size is shrunk
 * in proportion (never below 1) and a one-line note says so. Tasks should therefore do work
 * proportional to {@code size}.
 *
 * <p><b>Noise.</b> Before and after measuring, the sweep looks at the machine ({@link Conditions}:
 * other processes' share of the CPUs, steal time, load average; on Linux from {@code /proc}). While
 * some configuration's times are unstable (relative spread above {@link Conditions#UNSTABLE_SPREAD})
 * and the budget allows, it adds measured rounds, at most as many as it was asked for. The result's
 * {@link SweepResult#conditions()} reports what it saw, and {@link Verdict} reads it.
 *
 * <p><b>Defaults.</b> 5 rounds, 1 warm-up round, a 6 s budget, size 1; under {@code COURSE_QUICK}
 * (see {@link Quick}) 3 rounds, 1 warm-up round and a 2 s budget. Values set explicitly win.
 *
 * <p><b>Failures.</b> A task that throws stops the sweep: {@code run()} throws an
 * {@link IllegalStateException} naming the variant and value, with the task's exception as cause.
 * An interrupted thread (a notebook's stop button) stops the sweep between runs.
 *
 * <p>A {@code Sweep} is a builder for one run on one thread; it keeps no state between runs.
 *
 * @param <P> the parameter's type
 */
public final class Sweep<P> {

    static final int DEFAULT_ROUNDS = 5;
    static final int DEFAULT_WARMUP = 1;
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(6);
    static final int QUICK_ROUNDS = 3;
    static final int QUICK_WARMUP = 1;
    static final Duration QUICK_BUDGET = Duration.ofSeconds(2);

    private final String parameter;
    private final List<P> values;
    private final Map<String, Task<P>> tasks = new LinkedHashMap<>();
    private String title;
    private int size = 1;
    private Integer rounds;
    private Integer warmup;
    private Integer extraRounds;
    private Duration budget;
    private String baselineVariant;
    private P baselineValue;
    private boolean baselineSet;
    private Boolean progress;
    private SweepListener listener;
    private Supplier<Readings> readings = Readings::now;
    private UnaryOperator<String> environment = System::getenv;
    private Clocks clocks = Clocks.SYSTEM;
    private Consumer<String> notes = System.out::println;

    private Sweep(String parameter, List<P> values) {
        this.parameter = parameter;
        this.values = values;
    }

    /** A sweep over the values of one parameter, e.g. {@code Sweep.over("threads", List.of(1, 2, 4))}. */
    public static <P> Sweep<P> over(String parameter, List<P> values) {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(values, "values");
        if (parameter.isBlank()) {
            throw new IllegalArgumentException("name the parameter, e.g. Sweep.over(\"threads\", List.of(1, 2, 4))");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("give the sweep over \"" + parameter + "\" at least one value, e.g. List.of(1, 2, 4)");
        }
        var copy = new ArrayList<P>(values.size());
        var seen = new HashSet<P>();
        for (P v : values) {
            if (v == null) {
                throw new IllegalArgumentException("the values of \"" + parameter + "\" contain null: remove it");
            }
            if (!seen.add(v)) {
                throw new IllegalArgumentException("the values of \"" + parameter + "\" contain " + v + " twice: list each value once");
            }
            copy.add(v);
        }
        return new Sweep<>(parameter, Collections.unmodifiableList(copy));
    }

    /** A sweep over the given values, e.g. {@code Sweep.over("threads", 1, 2, 4)}. */
    @SafeVarargs
    public static <P> Sweep<P> over(String parameter, P... values) {
        return over(parameter, Arrays.asList(values));
    }

    /**
     * A comparison of variants with no parameter: tasks receive {@code null} as the value.
     * <pre>{@code Sweep.compare().task("loop", (v, n) -> loop(n)).task("stream", (v, n) -> stream(n)).size(1_000_000).run();}</pre>
     */
    public static Sweep<Void> compare() {
        return new Sweep<>("", Collections.singletonList(null));
    }

    /** The title of tables and charts. */
    public Sweep<P> title(String title) {
        this.title = Objects.requireNonNull(title, "title");
        return this;
    }

    /** Adds a variant; the first one added is the default baseline. */
    public Sweep<P> task(String variant, Task<P> task) {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(task, "task");
        if (variant.isBlank()) {
            throw new IllegalArgumentException("give the task a name, e.g. .task(\"platform threads\", (value, size) -> ...)");
        }
        if (tasks.containsKey(variant)) {
            throw new IllegalArgumentException("there is already a task named \"" + variant + "\": give each task its own name");
        }
        tasks.put(variant, task);
        return this;
    }

    /** The problem size handed to every task (default 1); the budget may shrink it. */
    public Sweep<P> size(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, not " + size);
        }
        this.size = size;
        return this;
    }

    /** Measured rounds (default 5, 3 under COURSE_QUICK). */
    public Sweep<P> rounds(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("a sweep needs at least 1 measured round, not " + rounds);
        }
        this.rounds = rounds;
        return this;
    }

    /**
     * The most measured rounds the sweep may add while the times are unstable (default: as many as
     * {@link #rounds(int)}; 0 measures exactly the rounds asked for). Added rounds still fit the budget.
     */
    public Sweep<P> extraRounds(int extraRounds) {
        if (extraRounds < 0) {
            throw new IllegalArgumentException("extra rounds cannot be negative: " + extraRounds);
        }
        this.extraRounds = extraRounds;
        return this;
    }

    /** Warm-up rounds, run and thrown away so that the JIT has compiled the code (default 1). */
    public Sweep<P> warmup(int warmup) {
        if (warmup < 0) {
            throw new IllegalArgumentException("warm-up rounds cannot be negative: " + warmup);
        }
        this.warmup = warmup;
        return this;
    }

    /** The time the whole sweep may take (default 6 s, 2 s under COURSE_QUICK). */
    public Sweep<P> budget(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the budget must be positive, e.g. Duration.ofSeconds(6), not " + budget);
        }
        this.budget = budget;
        return this;
    }

    /** The configuration speedups are relative to (default: the first task at the first value). */
    public Sweep<P> baseline(String variant, P value) {
        this.baselineVariant = Objects.requireNonNull(variant, "variant");
        this.baselineValue = value;
        this.baselineSet = true;
        return this;
    }

    /** The variant speedups are relative to, in a {@link #compare()}. */
    public Sweep<P> baseline(String variant) {
        return baseline(variant, values.getFirst());
    }

    /** Forces the live progress bar on or off (default: on inside a notebook kernel only). */
    public Sweep<P> progress(boolean show) {
        this.progress = show;
        return this;
    }

    /** Reports progress to {@code listener} instead of the installed progress bar. */
    public Sweep<P> listener(SweepListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Test hook: how the machine is read before and after measuring. */
    Sweep<P> readings(Supplier<Readings> readings) {
        this.readings = Objects.requireNonNull(readings);
        return this;
    }

    /** Test hook: the environment {@code COURSE_QUICK} is read from. */
    Sweep<P> environment(UnaryOperator<String> environment) {
        this.environment = Objects.requireNonNull(environment);
        return this;
    }

    /** Test hook: the clocks runs are timed with. */
    Sweep<P> clocks(Clocks clocks) {
        this.clocks = Objects.requireNonNull(clocks);
        return this;
    }

    /** Test hook: where one-line notes (e.g. "size shrunk") go. */
    Sweep<P> notes(Consumer<String> notes) {
        this.notes = Objects.requireNonNull(notes);
        return this;
    }

    /** The settings {@code run()} will use: explicit values, else the (quick or normal) defaults. */
    Settings settings() {
        boolean quick = Quick.enabled(environment);
        return new Settings(
                rounds != null ? rounds : quick ? QUICK_ROUNDS : DEFAULT_ROUNDS,
                warmup != null ? warmup : quick ? QUICK_WARMUP : DEFAULT_WARMUP,
                budget != null ? budget : quick ? QUICK_BUDGET : DEFAULT_BUDGET);
    }

    /** Rounds, warm-up rounds and budget as {@code run()} resolves them. */
    record Settings(int rounds, int warmup, Duration budget) {
    }

    /** Runs the sweep: calibration, warm-up rounds, measured rounds (more while unstable). Blocks until done. */
    public SweepResult<P> run() {
        if (tasks.isEmpty()) {
            throw new IllegalStateException("add at least one task before run(), e.g. .task(\"loop\", (value, size) -> work(size))");
        }
        String baseVariant = baselineSet ? baselineVariant : tasks.keySet().iterator().next();
        P baseValue = baselineSet ? baselineValue : values.getFirst();
        if (!tasks.containsKey(baseVariant)) {
            throw new IllegalStateException("the baseline task \"" + baseVariant + "\" is not one of " + tasks.keySet());
        }
        if (!values.contains(baseValue)) {
            throw new IllegalStateException("the baseline value " + baseValue + " is not one of the values " + values);
        }
        Settings s = settings();
        String name = title != null ? title : parameter.isEmpty() ? "Comparison" : "Sweep over " + parameter;
        Machine machine = Machine.current();

        var configs = new ArrayList<Config<P>>();
        tasks.forEach((variant, task) -> values.forEach(v -> configs.add(new Config<>(variant, v, task))));
        int n = configs.size();

        SweepListener ears = listener != null ? listener
                : Boolean.FALSE.equals(progress) ? SweepListener.NONE : SweepListener.installed(Boolean.TRUE.equals(progress));
        ears.started(name, (long) n * (1 + s.warmup() + s.rounds()));
        try {
            long start = clocks.wallNanos();
            Readings before = readings.get();
            long costNanos = 0;
            for (Config<P> c : configs) {
                costNanos += execute(c, size, -1, ears).wallNanos();
            }
            int measuredSize = fit(size, costNanos, s, name);

            for (int w = 0; w < s.warmup(); w++) {
                for (int i = 0; i < n; i++) {
                    execute(configs.get((w + i) % n), measuredSize, -1, ears);
                }
            }
            var samples = new ArrayList<Sample<P>>(n * s.rounds());
            int round = 0;
            int added = 0;
            while (true) {
                long roundStart = clocks.wallNanos();
                for (int i = 0; i < n; i++) {
                    samples.add(execute(configs.get((round + i) % n), measuredSize, round, ears));
                }
                round++;
                long roundNanos = clocks.wallNanos() - roundStart;
                if (round < s.rounds()) {
                    continue;
                }
                boolean unstable = worstSpread(samples, configs) > Conditions.UNSTABLE_SPREAD;
                boolean fits = clocks.wallNanos() - start + roundNanos <= s.budget().toNanos();
                if (!unstable || !fits || added >= (extraRounds != null ? extraRounds : s.rounds())) {
                    break;
                }
                added++;
            }
            Conditions conditions = Readings.between(before, readings.get(), machine.cores(),
                    Sample.cpuPerWall(samples), added, worstSpread(samples, configs));
            return new SweepResult<>(name, parameter, List.copyOf(tasks.keySet()), new ArrayList<>(values),
                    size, measuredSize, samples, baseVariant, baseValue, machine, conditions);
        } finally {
            ears.finished();
        }
    }

    /** The largest relative spread of wall times over the configurations (NaN-free; 0 if none). */
    private double worstSpread(List<Sample<P>> samples, List<Config<P>> configs) {
        double worst = 0;
        for (Config<P> c : configs) {
            double[] walls = samples.stream()
                    .filter(x -> x.variant().equals(c.variant()) && Objects.equals(x.value(), c.value()))
                    .mapToDouble(Sample::wallNanos).toArray();
            double r = Stats.spread(walls).relative();
            if (r > worst) {
                worst = r;
            }
        }
        return worst;
    }


    /** The size that fits the budget given the calibration cost of one pass at {@code requested}. */
    private int fit(int requested, long passNanos, Settings s, String name) {
        double estimate = (double) passNanos * (s.warmup() + s.rounds());
        // The calibration pass has spent part of the budget already; never plan on less than a tenth.
        long budgetNanos = Math.max(s.budget().toNanos() / 10, s.budget().toNanos() - passNanos);
        if (estimate <= budgetNanos) {
            return requested;
        }
        if (requested <= 1) {
            notes.accept(String.format(Locale.ROOT,
                    "%s: one pass takes %.2f s, so the sweep needs about %.1f s, over its %s budget; give the tasks a size() to shrink, or fewer rounds",
                    name, passNanos / 1e9, estimate / 1e9, seconds(s.budget())));
            return requested;
        }
        int shrunk = (int) Math.max(1, Math.floor(requested * (budgetNanos / estimate)));
        notes.accept(String.format(Locale.ROOT, "%s: size shrunk from %,d to %,d to fit the %s budget (calibration estimated %.1f s)",
                name, requested, shrunk, seconds(s.budget()), estimate / 1e9));
        return shrunk;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1e3);
    }

    /** Runs one configuration once and times it; {@code round} -1 marks calibration and warm-up. */
    private Sample<P> execute(Config<P> c, int size, int round, SweepListener ears) {
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("sweep interrupted before " + describe(c));
        }
        long cpu0 = clocks.cpuNanos();
        long t0 = clocks.wallNanos();
        Object result;
        try {
            result = c.task().run(c.value(), size);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted in " + describe(c), e);
        } catch (Exception e) {
            throw new IllegalStateException("task " + describe(c) + " failed at size " + size + ": " + e, e);
        }
        long t1 = clocks.wallNanos();
        long cpu1 = clocks.cpuNanos();
        Sink.consume(result);
        ears.ran();
        return new Sample<>(c.variant(), c.value(), round, t1 - t0, cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0);
    }

    private String describe(Config<P> c) {
        return parameter.isEmpty() ? "\"" + c.variant() + "\"" : "\"" + c.variant() + "\" with " + parameter + "=" + c.value();
    }

    private record Config<P>(String variant, P value, Task<P> task) {
    }
}
