package course.timing;

import course.display.Displayable;
import course.display.MimeBundle;
import course.display.Show;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * show(result);                                // the table
 * double s = result.speedup("threads", 2);     // median of per-round ratios to the baseline
 * }</pre>
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
 * @param machine         where and under which load it ran
 */
public record SweepResult(
        String title,
        String parameter,
        List<String> variants,
        List<Object> values,
        int requestedSize,
        int size,
        List<Sample> rounds,
        String baselineVariant,
        Object baselineValue,
        Machine machine) implements Displayable {

    public SweepResult {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(machine, "machine");
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

    /** Whether this was a sweep over a parameter (false for {@link Sweep#compare()}). */
    public boolean hasParameter() {
        return !parameter.isEmpty();
    }

    /** The samples of one configuration, in round order. */
    public List<Sample> samples(String variant, Object value) {
        check(variant, value);
        return rounds.stream()
                .filter(s -> s.variant().equals(variant) && Objects.equals(s.value(), value))
                .toList();
    }

    /** Median wall time in milliseconds. */
    public double medianMillis(String variant, Object value) {
        return Stats.median(samples(variant, value).stream().mapToDouble(Sample::wallMillis).toArray());
    }

    /** Median wall time of a variant in a {@link Sweep#compare()}. */
    public double medianMillis(String variant) {
        return medianMillis(variant, onlyValue());
    }

    /** Fastest run in milliseconds. */
    public double minMillis(String variant, Object value) {
        return samples(variant, value).stream().mapToDouble(Sample::wallMillis).min().orElse(Double.NaN);
    }

    /** Slowest run in milliseconds. */
    public double maxMillis(String variant, Object value) {
        return samples(variant, value).stream().mapToDouble(Sample::wallMillis).max().orElse(Double.NaN);
    }

    /** Median process CPU time in milliseconds: above the wall time when several cores worked. */
    public double cpuMillis(String variant, Object value) {
        return Stats.median(samples(variant, value).stream().mapToDouble(Sample::cpuMillis).toArray());
    }

    /**
     * The speedup of each round: the baseline's time in that round over this configuration's time in
     * the same round. Rounds where either is missing are skipped.
     */
    public List<Double> roundSpeedups(String variant, Object value) {
        var mine = samples(variant, value);
        var base = samples(baselineVariant, baselineValue);
        var ratios = new ArrayList<Double>();
        for (Sample s : mine) {
            for (Sample b : base) {
                if (b.round() == s.round() && s.wallNanos() > 0) {
                    ratios.add((double) b.wallNanos() / s.wallNanos());
                }
            }
        }
        return List.copyOf(ratios);
    }

    /** The median of the per-round speedups against the baseline (above 1: faster than the baseline). */
    public double speedup(String variant, Object value) {
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
            for (Object value : values) {
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

    @Override
    public MimeBundle toMime() {
        MimeBundle t = Show.toMime(table());
        String note = String.format("%d rounds, size %,d%s; speedup vs %s; %s", roundCount(), size,
                size < requestedSize ? String.format(" (shrunk from %,d to fit the budget)", requestedSize) : "",
                describe(baselineVariant, baselineValue), machine.summary());
        String html = t.data().get(MimeBundle.HTML);
        return html == null ? MimeBundle.text(t.plainText() + "\n" + note)
                : MimeBundle.html(html + "<div style=\"color:#666;font-size:90%\">" + escape(note) + "</div>",
                        t.plainText() + "\n" + note);
    }

    /** "variant" or "variant, threads=4": how error messages and legends name a configuration. */
    String describe(String variant, Object value) {
        return hasParameter() ? variant + ", " + parameter + "=" + value : variant;
    }

    @Override
    public String toString() {
        return table().printAll() + "\n" + machine.summary();
    }

    private Object onlyValue() {
        if (values.size() != 1) {
            throw new IllegalArgumentException("this sweep has " + values.size() + " values of " + parameter
                    + ": name one, e.g. medianMillis(\"" + variants.getFirst() + "\", " + values.getFirst() + ")");
        }
        return values.getFirst();
    }

    private void check(String variant, Object value) {
        if (!variants.contains(variant)) {
            throw new IllegalArgumentException("no variant \"" + variant + "\"; the variants are " + variants);
        }
        if (!values.contains(value)) {
            throw new IllegalArgumentException("no " + (hasParameter() ? parameter : "value") + " " + value
                    + "; the values are " + values.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The parameter column, typed after the values: integers stay integers, anything else is text. */
    private static final class ParameterColumn {
        final tech.tablesaw.columns.Column<?> column;

        ParameterColumn(String name, List<Object> values) {
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
