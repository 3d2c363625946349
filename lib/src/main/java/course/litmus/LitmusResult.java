package course.litmus;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What one {@link Litmus} run saw: how often each outcome appeared.
 *
 * @param name        the test's name
 * @param runs        states both actors ran against (a run = one state)
 * @param counts      outcome -> how many runs ended in it, most frequent first
 * @param interesting outcomes marked as allowed but surprising
 * @param forbidden   outcomes the Java Memory Model forbids for this code
 * @param elapsed     wall time of the whole run
 * @param cpus        processors available to the JVM during the run
 * @param loadAverage the system load average when the run ended, NaN where the OS does not tell
 * @param cpuPerWall  CPU time this JVM used during the run over its wall time (about 2 when both actors had a CPU
 *                    each the whole time), NaN where the JVM cannot tell
 */
public record LitmusResult(String name, long runs, Map<String, Long> counts, Set<String> interesting,
                           Set<String> forbidden, Duration elapsed, int cpus, double loadAverage, double cpuPerWall) {

    /** Below this CPU/wall ratio the two actors did not have two CPUs most of the time: another program took them. */
    public static final double OVERLAPPED = 1.5;

    /** Fewer runs than this say nothing about an outcome that was not seen. */
    public static final long ENOUGH_RUNS = 100_000;

    /** Copies the maps and orders the counts, most frequent first. */
    public LitmusResult {
        Map<String, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        counts = java.util.Collections.unmodifiableMap(ordered);
        interesting = Set.copyOf(interesting);
        forbidden = Set.copyOf(forbidden);
    }

    /** How many runs ended in {@code outcome} (0 if never). */
    public long count(String outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    /** How often {@code outcome} appeared per million runs (0 when there were no runs). */
    public double perMillion(String outcome) {
        return runs == 0 ? 0 : count(outcome) * 1e6 / runs;
    }

    /** Runs that ended in an outcome marked interesting. */
    public long interestingCount() {
        return interesting.stream().mapToLong(this::count).sum();
    }

    /** Runs that ended in a forbidden outcome: not zero means a JVM bug, or a wrongly marked test. */
    public long forbiddenCount() {
        return forbidden.stream().mapToLong(this::count).sum();
    }

    /** Interesting outcomes per million runs. */
    public double interestingPerMillion() {
        return runs == 0 ? 0 : interestingCount() * 1e6 / runs;
    }

    /**
     * What this run shows, in plain words, computed from the counts and the machine: a forbidden
     * outcome seen (a bug), one CPU (the actors never overlapped, so nothing that needs them to
     * overlap could appear), the interesting outcomes seen with their rate, too few runs to say,
     * or not seen (which proves nothing).
     */
    public String verdict() {
        String machine = String.format(Locale.ROOT, "%d %s%s", cpus, cpus == 1 ? "CPU" : "CPUs",
                Double.isNaN(loadAverage) ? "" : String.format(Locale.ROOT, ", load %.1f", loadAverage));
        if (forbiddenCount() > 0) {
            return String.format(Locale.ROOT, "%s: a FORBIDDEN outcome appeared %,d times in %,d runs (%s). "
                    + "The Java Memory Model rules it out for this code: either the JVM has a bug or the test marks "
                    + "the wrong outcome as forbidden.", name, forbiddenCount(), runs, machine);
        }
        if (interesting.isEmpty()) {
            return forbidden.isEmpty()
                    ? String.format(Locale.ROOT, "%s: %,d runs (%s); no outcome was marked.", name, runs, machine)
                    : String.format(Locale.ROOT, "%s: the forbidden '%s' did not appear in %,d runs (%s), as the Java "
                    + "Memory Model promises.", name, String.join(" / ", forbidden.stream().sorted().toList()), runs, machine);
        }
        String which = String.join(" / ", interesting.stream().sorted().toList());
        if (cpus == 1) {
            return String.format(Locale.ROOT, "%s: this JVM has one CPU, so the two actors took turns and never ran "
                    + "at the same instant: '%s' needs them to overlap and cannot show in this run (seen %,d times in "
                    + "%,d runs). The Java Memory Model still allows it: run this on a machine with two or more cores.",
                    name, which, interestingCount(), runs);
        }
        if (interestingCount() > 0) {
            return String.format(Locale.ROOT, "%s: '%s' seen here, %,d times in %,d runs (%.1f per million, %s).",
                    name, which, interestingCount(), runs, interestingPerMillion(), machine);
        }
        if (!Double.isNaN(cpuPerWall) && cpuPerWall < OVERLAPPED) {
            return String.format(Locale.ROOT, "%s: '%s' not seen in %,d runs, but the machine was busy: the two actors "
                    + "got %.1f CPUs' worth of time instead of 2 (other programs took the rest), so they seldom ran at "
                    + "the same instant and this run cannot tell. Close other programs and rerun.", name, which, runs, cpuPerWall);
        }
        if (runs < ENOUGH_RUNS) {
            return String.format(Locale.ROOT, "%s: only %,d runs (%s), too few to say anything about '%s': "
                    + "rerun, or give the test a larger budget.", name, runs, machine, which);
        }
        return String.format(Locale.ROOT, "%s: '%s' not seen in %,d runs (%s). A run that does not see an outcome "
                + "does not prove it impossible: it may need another CPU, another JIT decision, or more luck.",
                name, which, runs, machine);
    }

    /** One row per outcome: count, per million, and whether it is interesting or forbidden. */
    public Table table() {
        StringColumn outcome = StringColumn.create("outcome");
        LongColumn count = LongColumn.create("count");
        DoubleColumn perMillion = DoubleColumn.create("per million");
        StringColumn mark = StringColumn.create("note");
        counts.forEach((o, n) -> {
            outcome.append(o);
            count.append(n);
            perMillion.append(Math.round(perMillion(o) * 10) / 10.0);
            mark.append(forbidden.contains(o) ? "FORBIDDEN" : interesting.contains(o) ? "interesting" : "");
        });
        return Table.create(String.format(Locale.ROOT, "%s: %,d runs in %d ms, %d %s", name, runs,
                elapsed.toMillis(), cpus, cpus == 1 ? "CPU" : "CPUs"), outcome, count, perMillion, mark);
    }

    /** The counts as text, one outcome per line. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s: %,d runs in %d ms on %d %s%n",
                name, runs, elapsed.toMillis(), cpus, cpus == 1 ? "CPU" : "CPUs"));
        counts.forEach((o, n) -> out.append(String.format(Locale.ROOT, "  %-16s %,13d  %10.1f per million%s%n", o, n,
                perMillion(o), forbidden.contains(o) ? "  FORBIDDEN" : interesting.contains(o) ? "  interesting" : "")));
        return out.toString();
    }
}
