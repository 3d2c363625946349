package course.timing;

import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a {@link Sweep} measured: every sample, and the summaries lessons show.
 *
 * <p>A speedup is never a ratio of two medians taken at different moments: in every round the
 * configuration's time is divided into the baseline's time of that same round, and the median of
 * those ratios is reported. A machine that slows down halfway (another process, thermal
 * throttling) then slows both sides of each ratio alike.
 *
 * <pre>{@code
 * SweepResult<Integer> result = Sweep.over("threads", 1, 2, 4).task(...).run();
 * show(result);                                // the table, with the note under it
 * double s = result.speedup("threads", 2);     // median of per-round ratios to the baseline
 * Spread perSecond = result.throughput("threads", 2);   // items per second: median and quartiles
 * for (int n : result.values()) { ... }        // values keep their type: no casts
 * }</pre>
 *
 * <p>This package knows nothing of notebooks: {@link #table()} is a Tablesaw table and
 * {@link #note()} the line under it; the display side shows both when it is given a result.
 *
 * @param title           what was measured
 * @param parameter       the swept parameter's name; empty for {@link Sweep#compare()}
 * @param variants        task names, in the order they were added
 * @param values          parameter values in sweep order; a single {@code null} for a comparison
 * @param requestedSize   the problem size asked for
 * @param size            the problem size measured (smaller than requested if the budget shrank it)
 * @param rounds          every measured sample (warm-up rounds are not kept)
 * @param baselineVariant the variant speedups are relative to
 * @param baselineValue   the value speedups are relative to
 * @param machine         where it ran
 * @param conditions      what else the machine was doing meanwhile, and rounds added for stability
 * @param <P>             the parameter's type ({@code Void} for a comparison)
 */
public record SweepResult<P>(
        String title,
        String parameter,
        List<String> variants,
        List<P> values,
        int requestedSize,
        int size,
        List<Sample<P>> rounds,
        String baselineVariant,
        P baselineValue,
        Machine machine,
        Conditions conditions) {

    public SweepResult {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(conditions, "conditions");
        variants = List.copyOf(variants);
        values = Collections.unmodifiableList(new ArrayList<>(values));
        rounds = List.copyOf(rounds);
        if (variants.isEmpty() || values.isEmpty()) {
            throw new IllegalArgumentException("a sweep result needs at least one variant and one value");
        }
        if (!variants.contains(baselineVariant) || !values.contains(baselineValue)) {
            throw new IllegalArgumentException("the baseline (" + baselineVariant + ", " + baselineValue
                    + ") is not among the variants " + variants + " and values " + values);
        }
    }

    /** A result whose machine conditions were not observed (e.g. built by hand in a test or from saved numbers). */
    public SweepResult(String title, String parameter, List<String> variants, List<P> values, int requestedSize, int size,
                       List<Sample<P>> rounds, String baselineVariant, P baselineValue, Machine machine) {
        this(title, parameter, variants, values, requestedSize, size, rounds, baselineVariant, baselineValue, machine,
                Conditions.unknown(machine.cores()));
    }

    /** Whether this was a sweep over a parameter (false for {@link Sweep#compare()}). */
    public boolean hasParameter() {
        return !parameter.isEmpty();
    }

    /** The samples of one configuration, in round order. */
    public List<Sample<P>> samples(String variant, P value) {
        check(variant, value);
        return rounds.stream()
                .filter(s -> s.variant().equals(variant) && Objects.equals(s.value(), value))
                .toList();
    }

    /** Median wall time in milliseconds. */
    public double medianMillis(String variant, P value) {
        return spread(variant, value).median();
    }

    /** Median, quartiles and extremes of the wall time in milliseconds. */
    public Spread spread(String variant, P value) {
        return Stats.spread(samples(variant, value).stream().mapToDouble(Sample::wallMillis).toArray());
    }

    /** The spread of wall times of a variant in a {@link Sweep#compare()}. */
    public Spread spread(String variant) {
        return spread(variant, onlyValue());
    }

    /**
     * Items per second, one figure per round ({@link #size()} items per run): median, quartiles
     * and extremes. For work where one run handles another number of items, see
     * {@link #throughput(String, Object, double)}.
     */
    public Spread throughput(String variant, P value) {
        return throughput(variant, value, size);
    }

    /** Items per second when one run handles {@code itemsPerRun} items. */
    public Spread throughput(String variant, P value, double itemsPerRun) {
        if (!(itemsPerRun > 0)) {
            throw new IllegalArgumentException("items per run must be positive, not " + itemsPerRun);
        }
        return Stats.spread(samples(variant, value).stream()
                .filter(s -> s.wallNanos() > 0)
                .mapToDouble(s -> itemsPerRun * 1e9 / s.wallNanos()).toArray());
    }

    /** Items per second of a variant at every value, in sweep order ({@link #size()} items per run). */
    public Map<P, Spread> throughput(String variant) {
        var byValue = new LinkedHashMap<P, Spread>();
        for (P value : values) {
            byValue.put(value, throughput(variant, value));
        }
        return Collections.unmodifiableMap(byValue);
    }

    /** Median wall time of a variant in a {@link Sweep#compare()}. */
    public double medianMillis(String variant) {
        return medianMillis(variant, onlyValue());
    }

    /** Fastest run in milliseconds. */
    public double minMillis(String variant, P value) {
        return samples(variant, value).stream().mapToDouble(Sample<P>::wallMillis).min().orElse(Double.NaN);
    }

    /** Slowest run in milliseconds. */
    public double maxMillis(String variant, P value) {
        return samples(variant, value).stream().mapToDouble(Sample::wallMillis).max().orElse(Double.NaN);
    }

    /** Median process CPU time in milliseconds: above the wall time when several cores worked. */
    public double cpuMillis(String variant, P value) {
        return Stats.median(samples(variant, value).stream().mapToDouble(Sample::cpuMillis).toArray());
    }

    /**
     * The speedup of each round: the baseline's time in that round over this configuration's time in
     * the same round. Rounds where either is missing are skipped.
     */
    public List<Double> roundSpeedups(String variant, P value) {
        return roundRatios(variant, value, baselineVariant, baselineValue);
    }

    /**
     * For each round, the {@code reference} configuration's time over this configuration's time in
     * the same round: above 1 where this configuration was faster. Rounds where either is missing
     * are skipped.
     */
    public List<Double> roundRatios(String variant, P value, String reference, P referenceValue) {
        var mine = samples(variant, value);
        var base = samples(reference, referenceValue);
        var ratios = new ArrayList<Double>();
        for (Sample<P> s : mine) {
            for (Sample<P> b : base) {
                if (b.round() == s.round() && s.wallNanos() > 0) {
                    ratios.add((double) b.wallNanos() / s.wallNanos());
                }
            }
        }
        return List.copyOf(ratios);
    }

    /** The per-round speedups against the baseline as a spread: median, quartiles, extremes. */
    public Spread speedupSpread(String variant, P value) {
        return Stats.spread(roundSpeedups(variant, value));
    }

    /** The median of the per-round speedups against the baseline (above 1: faster than the baseline). */
    public double speedup(String variant, P value) {
        return Stats.median(roundSpeedups(variant, value));
    }

    /** The speedup of a variant in a {@link Sweep#compare()}. */
    public double speedup(String variant) {
        return speedup(variant, onlyValue());
    }

    /** How many rounds were measured. */
    public int roundCount() {
        return (int) rounds.stream().mapToInt(Sample::round).distinct().count();
    }

    /** Whether the parameter's values are all numbers (thread counts, pool sizes). */
    public boolean numericValues() {
        return values.stream().allMatch(v -> v instanceof Number);
    }

    /**
     * One row per (variant, value): {@code variant}, the parameter (absent in a comparison),
     * {@code median ms}, {@code min ms}, {@code max ms}, {@code cpu ms}, {@code speedup}.
     */
    public Table table() {
        var variant = StringColumn.create("variant");
        var median = DoubleColumn.create("median ms");
        var min = DoubleColumn.create("min ms");
        var max = DoubleColumn.create("max ms");
        var cpu = DoubleColumn.create("cpu ms");
        var speedup = DoubleColumn.create("speedup");
        var param = new ParameterColumn(parameter, values);
        for (String v : variants) {
            for (P value : values) {
                variant.append(v);
                param.append(value);
                median.append(medianMillis(v, value));
                min.append(minMillis(v, value));
                max.append(maxMillis(v, value));
                cpu.append(cpuMillis(v, value));
                speedup.append(speedup(v, value));
            }
        }
        for (DoubleColumn c : List.of(median, min, max, cpu)) {
            c.setPrintFormatter(new DecimalFormat("#,##0.00"), "");
        }
        speedup.setPrintFormatter(new DecimalFormat("0.00"), "");
        var table = Table.create(title, variant);
        if (hasParameter()) {
            table.addColumns(param.column);
        }
        return table.addColumns(median, min, max, cpu, speedup);
    }

    /**
     * The line shown under the table: rounds, size (and whether the budget shrank it), the baseline,
     * the machine and what else it was doing.
     */
    public String note() {
        return String.format(Locale.ROOT, "%d rounds, size %,d%s; speedup vs %s; %s; %s", roundCount(), size,
                size < requestedSize ? String.format(Locale.ROOT, " (shrunk from %,d to fit the budget)", requestedSize) : "",
                describe(baselineVariant, baselineValue), machine.summary(), conditions.summary());
    }

    /** "variant" or "variant, threads=4": how error messages and legends name a configuration. */
    String describe(String variant, P value) {
        return hasParameter() ? variant + ", " + parameter + "=" + value : variant;
    }

    @Override
    public String toString() {
        return table().printAll() + "\n" + note();
    }

    private P onlyValue() {
        if (values.size() != 1) {
            throw new IllegalArgumentException("this sweep has " + values.size() + " values of " + parameter
                    + ": name one, e.g. medianMillis(\"" + variants.getFirst() + "\", " + values.getFirst() + ")");
        }
        return values.getFirst();
    }

    private void check(String variant, P value) {
        if (!variants.contains(variant)) {
            throw new IllegalArgumentException("no variant \"" + variant + "\"; the variants are " + variants);
        }
        if (!values.contains(value)) {
            throw new IllegalArgumentException("no " + (hasParameter() ? parameter : "value") + " " + value
                    + "; the values are " + values.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
    }

    /** The parameter column, typed after the values: integers stay integers, anything else is text. */
    private static final class ParameterColumn {
        final tech.tablesaw.columns.Column<?> column;

        ParameterColumn(String name, List<?> values) {
            String n = name.isEmpty() ? "value" : name;
            if (values.stream().allMatch(v -> v instanceof Integer || v instanceof Short || v instanceof Byte)) {
                column = IntColumn.create(n);
            } else if (values.stream().allMatch(v -> v instanceof Long || v instanceof Integer)) {
                column = LongColumn.create(n);
            } else if (values.stream().allMatch(v -> v instanceof Number)) {
                column = DoubleColumn.create(n);
            } else {
                column = StringColumn.create(n);
            }
        }

        void append(Object value) {
            switch (column) {
                case IntColumn c -> c.append(((Number) value).intValue());
                case LongColumn c -> c.append(((Number) value).longValue());
                case DoubleColumn c -> c.append(((Number) value).doubleValue());
                case StringColumn c -> c.append(String.valueOf(value));
                default -> throw new IllegalStateException(column.getClass().getName());
            }
        }
    }
}
