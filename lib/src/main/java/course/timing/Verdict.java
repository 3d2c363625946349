package course.timing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What one measurement can say about an effect a lesson teaches, computed from the run itself and
 * printed beside its chart: the effect as seen here with its figure, or why this run cannot show it
 * and what to do.
 *
 * <pre>{@code
 * SweepResult<Integer> r = Sweep.over("threads", 1, 2, 4).task("primes", ...).run();
 * show(Charts.speedup(r));
 * System.out.println(Verdict.speedup(r, "primes"));      // or show(Verdict.speedup(r, "primes"))
 * }</pre>
 *
 * <p><b>How it decides.</b> Every figure is a ratio measured in one run: in each round, one
 * configuration's time over another's in the same round ({@link SweepResult#roundRatios}). An
 * effect is claimed ({@link Outcome#SHOWN}) only when even the lower quartile of those ratios is at
 * least {@link #CLEAR} (25% beyond "no effect"); so noise that moves a few rounds cannot make a
 * claim, and a quiet machine and a busy one never claim opposite things. Before that, in order:
 * <ol>
 *   <li>a parallel speedup on one CPU gives {@link Outcome#ONE_CPU}: it cannot appear there, and the
 *       verdict says what the run still shows (threads took turns; CPU time equals wall time);</li>
 *   <li>a busy machine ({@link Conditions#busy()}, or a one-thread CPU-bound run that got less than
 *       {@link #FAIR_SHARE} of a CPU) gives {@link Outcome#BUSY} unless the effect is overlap of
 *       waiting, which other programs' CPU use cannot fake;</li>
 *   <li>fewer than 3 rounds, or runs shorter than {@link #TOO_SHORT_MILLIS}, give
 *       {@link Outcome#INCONCLUSIVE} (too short to measure);</li>
 *   <li>a figure within noise gives {@link Outcome#INCONCLUSIVE} with the figure and the reason.</li>
 * </ol>
 *
 * @param outcome    what this run can say
 * @param effect     the general rule the lesson teaches, e.g. "threads speed up CPU-bound work"
 * @param seen       what this run measured, with its figure, e.g. "2 threads: 1.86× faster than 1 thread
 *                   (rounds 1.80-1.91×)"
 * @param figure     the measured ratio (median of the rounds), NaN if none
 * @param why        reasons the effect is not claimed; empty when it is
 * @param todo       what the reader can do to see it; empty when it is shown
 * @param conditions what the machine was doing during the run
 */
public record Verdict(Outcome outcome, String effect, String seen, double figure, List<String> why,
                      List<String> todo, Conditions conditions) {

    /** An effect is claimed when the lower quartile of its per-round ratios reaches this. */
    public static final double CLEAR = 1.25;
    /** A speedup whose upper quartile stays at or below this counts as "no speedup". */
    public static final double NONE = 1.15;
    /** Runs whose median is shorter than this (in milliseconds) are too short to measure. */
    public static final double TOO_SHORT_MILLIS = 1.0;
    /** A one-thread CPU-bound run with CPU time below this share of its wall time was crowded out. */
    public static final double FAIR_SHARE = 0.75;

    private static final String RERUN = "rerun the cell";
    private static final String CLOSE = "close other programs (browsers, builds, video) and rerun";
    private static final String LOCALLY = "run the notebook on a machine with 2 or more cores (locally rather than on Binder)";
    private static final String BIGGER = "give the sweep a larger size() so each run takes at least a few milliseconds";
    private static final String MORE_ROUNDS = "measure more rounds, e.g. .rounds(5)";

    /** What a run can say about an effect. */
    public enum Outcome {
        /** The effect is seen here, clearly beyond noise. */
        SHOWN,
        /** The run cannot decide: the figure is within noise, or runs were too short or too few. */
        INCONCLUSIVE,
        /** Other work competed for the machine: the figure is printed but not trusted. */
        BUSY,
        /** The effect needs more than one CPU, and this run had one. */
        ONE_CPU
    }

    public Verdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(seen, "seen");
        why = List.copyOf(why);
        todo = List.copyOf(todo);
        Objects.requireNonNull(conditions, "conditions");
    }

    /** Whether the effect was seen here. */
    public boolean shown() {
        return outcome == Outcome.SHOWN;
    }

    /** A short label for the outcome: "Seen here", "Inconclusive", "Busy machine", "One CPU". */
    public String label() {
        return switch (outcome) {
            case SHOWN -> "Seen here";
            case INCONCLUSIVE -> "Inconclusive";
            case BUSY -> "Busy machine: not trusted";
            case ONE_CPU -> "One CPU";
        };
    }

    /** The verdict in plain words, a few lines. */
    public String text() {
        var b = new StringBuilder();
        b.append(label()).append(" - ").append(effect).append('\n');
        b.append("  measured: ").append(seen).append('\n');
        for (String w : why) {
            b.append("  why: ").append(w).append('\n');
        }
        for (String t : todo) {
            b.append("  to see it: ").append(t).append('\n');
        }
        b.append("  machine: ").append(conditions.summary());
        return b.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    // ------------------------------------------------------------------ the lessons' effects

    /**
     * Threads speed up CPU-bound work: {@code variant} at the largest thread count that does not
     * exceed the cores (or the largest on one CPU) against the sweep's baseline (normally 1 thread),
     * as the median of per-round speedups, like {@link SweepResult#speedup}. A sweep with several
     * variants judges each against the one baseline: to judge a variant against itself at 1 thread,
     * give it a sweep of its own or set {@code .baseline(variant, 1)}.
     */
    public static <P> Verdict speedup(SweepResult<P> r, String variant) {
        return speedup(r, variant, widest(r, variant));
    }

    /** Threads speed up CPU-bound work: {@code variant} at {@code value} against the sweep's baseline. */
    public static <P> Verdict speedup(SweepResult<P> r, String variant, P value) {
        Objects.requireNonNull(r, "result");
        String effect = "more threads finish CPU-bound work sooner, up to one thread per core";
        Spread s = r.speedupSpread(variant, value);
        String seen = String.format(Locale.ROOT, "%s: %s than %s (rounds %s)",
                r.describe(variant, value), times(s.median()), r.describe(r.baselineVariant(), r.baselineValue()), range(s));
        Conditions c = r.conditions();
        if (c.cores() == 1) {
            double cpuPerWall = Sample.cpuPerWall(r.samples(variant, value));
            String still = Double.isNaN(cpuPerWall)
                    ? "the threads took turns on the one CPU"
                    : String.format(Locale.ROOT, "the threads took turns on the one CPU: their CPU time was %.2f× the wall time"
                            + " (on one CPU it cannot exceed 1×; several cores would let it)", cpuPerWall);
            var why = new ArrayList<String>();
            why.add("a speedup from threads cannot appear on one CPU: only one thread runs at any moment");
            why.addAll(c.reasons());
            return new Verdict(Outcome.ONE_CPU, effect, seen + "; " + still, s.median(), why, List.of(LOCALLY), c);
        }
        Verdict early = beforeClaim(effect, seen, s, c, r, List.of(new Config<>(variant, value),
                new Config<>(r.baselineVariant(), r.baselineValue())), true);
        if (early != null) {
            return early;
        }
        double share = Sample.cpuPerWall(r.samples(r.baselineVariant(), r.baselineValue()));
        if (share < FAIR_SHARE && numberOf(r.baselineValue()) == 1) {
            return new Verdict(Outcome.BUSY, effect, seen, s.median(), List.of(String.format(Locale.ROOT,
                    "the one-thread run got only %.0f%% of a CPU: other programs took the rest", 100 * share)),
                    List.of(CLOSE, LOCALLY), c);
        }
        if (s.low() >= CLEAR) {
            return shown(effect, seen, s, c);
        }
        return inconclusive(effect, seen, s, c, "the speedup is within noise of 1× here",
                "if the work is IO-bound or holds a lock, that is the lesson: threads do not help it");
    }

    /**
     * Waiting overlaps: {@code variant} at its largest value (e.g. 8 threads that each sleep or wait on
     * the network) against the baseline (1 thread). Holds on one CPU too, and other programs' CPU use
     * cannot fake it, so a busy machine only blocks the claim when the figure is unclear.
     */
    public static <P> Verdict overlap(SweepResult<P> r, String variant) {
        Objects.requireNonNull(r, "result");
        P value = r.values().getLast();
        String effect = "IO-bound work overlaps: threads wait at the same time, so n waits take about as long as one";
        Spread s = r.speedupSpread(variant, value);
        String seen = String.format(Locale.ROOT, "%s: %s than %s (rounds %s)",
                r.describe(variant, value), times(s.median()), r.describe(r.baselineVariant(), r.baselineValue()), range(s));
        return overlapVerdict(effect, seen, s, r.conditions(), r, List.of(new Config<>(variant, value)));
    }

    /**
     * Waiting overlaps: the waits of one run of {@code variant} at {@code value} add up to
     * {@code totalWaitMillis}, and the run took its wall time; the ratio is the overlap.
     */
    public static <P> Verdict overlap(SweepResult<P> r, String variant, P value, double totalWaitMillis) {
        Objects.requireNonNull(r, "result");
        if (!(totalWaitMillis > 0)) {
            throw new IllegalArgumentException("the waits of one run must add up to a positive time, not " + totalWaitMillis + " ms");
        }
        String effect = "IO-bound work overlaps: the run takes far less than the sum of its waits";
        List<Double> ratios = r.samples(variant, value).stream()
                .filter(x -> x.wallNanos() > 0).map(x -> totalWaitMillis / x.wallMillis()).toList();
        Spread s = Stats.spread(ratios);
        String seen = String.format(Locale.ROOT, "%s: waits adding up to %.0f ms took %.0f ms of wall time, %.1f× less (rounds %s)",
                r.describe(variant, value), totalWaitMillis, r.medianMillis(variant, value), s.median(), range(s));
        return overlapVerdict(effect, seen, s, r.conditions(), r, List.of(new Config<>(variant, value)));
    }

    /**
     * The GIL: CPython threads do not speed up CPU-bound Python code, while Java threads speed up
     * the same work. {@code pythonMillis} maps each thread count to the times Python measured
     * (all rounds); the comparison is made at the largest thread count, at most the cores, that
     * both sides measured.
     */
    public static Verdict gil(SweepResult<Integer> java, String javaVariant, Map<Integer, ? extends Collection<? extends Number>> pythonMillis) {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(pythonMillis, "pythonMillis");
        int cores = java.conditions().cores();
        Integer threads = null;
        for (Integer n : java.values()) {
            if (n > 1 && pythonMillis.containsKey(n) && (n <= cores || cores == 1) && (threads == null || n > threads)) {
                threads = n;
            }
        }
        if (threads == null || !pythonMillis.containsKey(1)) {
            throw new IllegalArgumentException("the GIL verdict compares 1 thread with more: give Python times for 1 and for one of "
                    + java.values() + " (at most " + cores + " threads); got thread counts " + pythonMillis.keySet());
        }
        var ratios = new ArrayList<Double>();
        for (Number one : pythonMillis.get(1)) {
            for (Number many : pythonMillis.get(threads)) {
                if (many.doubleValue() > 0) {
                    ratios.add(one.doubleValue() / many.doubleValue());
                }
            }
        }
        Spread pythonMillisAtN = Stats.spread(pythonMillis.get(threads));
        return gil(java.speedupSpread(javaVariant, threads), Stats.spread(ratios), threads,
                Math.min(pythonMillisAtN.median(), java.medianMillis(javaVariant, threads)), java.conditions());
    }

    /**
     * The GIL from two speedup spreads at {@code threads} threads; {@code shortestMillis} is the
     * shorter of the two sides' run times (too short to measure below {@link #TOO_SHORT_MILLIS}).
     * {@code c} is what the machine did during the Java sweep: the Python run is another process, so
     * its own CPU use cannot be told apart from other programs'.
     */
    public static Verdict gil(Spread javaSpeedup, Spread pythonSpeedup, int threads, double shortestMillis, Conditions c) {
        String effect = "CPython threads (with the GIL) do not speed up CPU-bound Python code; Java threads speed up the same work";
        String seen = String.format(Locale.ROOT, "%d threads: Java %s (rounds %s), CPython %s (rounds %s)",
                threads, times(javaSpeedup.median()), range(javaSpeedup), times(pythonSpeedup.median()), range(pythonSpeedup));
        double figure = javaSpeedup.median() / pythonSpeedup.median();
        if (c.cores() == 1) {
            return new Verdict(Outcome.ONE_CPU, effect, seen + "; on one CPU both runtimes take turns, so neither can speed up",
                    figure, List.of("the difference between Java and CPython threads needs 2 or more CPUs to appear"), List.of(LOCALLY), c);
        }
        var why = new ArrayList<String>();
        if (Math.min(javaSpeedup.count(), pythonSpeedup.count()) < 3) {
            why.add("fewer than 3 rounds on one side");
        }
        if (shortestMillis < TOO_SHORT_MILLIS) {
            why.add(String.format(Locale.ROOT, "runs of %.2f ms are too short to measure", shortestMillis));
        }
        if (c.busy()) {
            var all = new ArrayList<>(c.reasons());
            all.addAll(why);
            return new Verdict(Outcome.BUSY, effect, seen, figure, all, List.of(CLOSE, LOCALLY), c);
        }
        if (!why.isEmpty()) {
            return new Verdict(Outcome.INCONCLUSIVE, effect, seen, figure, why, List.of(MORE_ROUNDS, BIGGER), c);
        }
        if (javaSpeedup.low() >= CLEAR && pythonSpeedup.high() <= NONE) {
            return new Verdict(Outcome.SHOWN, effect, seen, figure, List.of(), List.of(), c);
        }
        if (javaSpeedup.low() < CLEAR) {
            why.add("Java threads did not clearly speed up here, so there is nothing to compare CPython against");
        }
        if (pythonSpeedup.high() > NONE) {
            why.add("CPython threads seemed to speed up, which a GIL forbids: other programs probably slowed the one-thread runs"
                    + " (or this Python has no GIL: the cell prints whether it is enabled)");
        }
        return new Verdict(Outcome.INCONCLUSIVE, effect, seen, figure, why, List.of(RERUN, CLOSE), c);
    }

    /**
     * The pool size sweet spot: throughput of {@code variant} grows with the pool (the parameter)
     * up to a size and then stops growing. Claimed when the best size is clearly faster than the
     * smallest; the sweet spot is the smallest size whose time is within noise of the best.
     */
    public static <P> Verdict sweetSpot(SweepResult<P> r, String variant) {
        Objects.requireNonNull(r, "result");
        if (!r.numericValues() || r.values().size() < 2) {
            throw new IllegalArgumentException("a sweet spot needs a sweep over 2 or more pool sizes, e.g. Sweep.over(\"threads\", 1, 2, 4, 8)");
        }
        String effect = "a pool gets faster as it grows, up to a size that keeps the cores (or the waits) busy; beyond it, no gain";
        P smallest = r.values().getFirst();
        P best = smallest;
        for (P v : r.values()) {
            if (r.medianMillis(variant, v) < r.medianMillis(variant, best)) {
                best = v;
            }
        }
        Spread gain = Stats.spread(r.roundRatios(variant, best, variant, smallest));
        Spread bestTimes = r.spread(variant, best);
        double margin = Math.max(0.10, Double.isNaN(bestTimes.relative()) ? 0 : bestTimes.relative());
        P spot = best;
        for (P v : r.values()) {
            if (r.medianMillis(variant, v) <= bestTimes.median() * (1 + margin)) {
                spot = v;
                break;
            }
        }
        String seen = String.format(Locale.ROOT, "fastest at %s=%s, %s than %s=%s (rounds %s); within %.0f%% of the best from %s=%s on (%d %s)",
                r.parameter(), best, times(gain.median()), r.parameter(), smallest, range(gain), 100 * margin,
                r.parameter(), spot, r.conditions().cores(), r.conditions().cores() == 1 ? "CPU" : "CPUs");
        var configs = new ArrayList<Config<P>>();
        for (P v : r.values()) {
            configs.add(new Config<>(variant, v));
        }
        Verdict early = beforeClaim(effect, seen, gain, r.conditions(), r, configs, true);
        if (early != null) {
            return early;
        }
        if (gain.low() >= CLEAR) {
            return shown(effect, seen, gain, r.conditions());
        }
        String reason = r.conditions().cores() == 1
                ? "the smallest pool was as fast as any: on one CPU, CPU-bound work gains nothing from a bigger pool"
                : "the smallest pool was within noise of the best";
        return inconclusive(effect, seen, gain, r.conditions(), reason, "if the tasks are CPU-bound and the smallest pool already has a thread per core, that is expected");
    }

    /**
     * One variant is faster than another at the same value, e.g. virtual threads against platform
     * threads, or a thread pool against a process pool: the median of per-round ratios of
     * {@code slower}'s time over {@code faster}'s. {@code effect} states the rule being checked.
     */
    public static <P> Verdict faster(SweepResult<P> r, String faster, String slower, P value, String effect) {
        Objects.requireNonNull(r, "result");
        Objects.requireNonNull(effect, "effect");
        Spread s = Stats.spread(r.roundRatios(faster, value, slower, value));
        String seen = String.format(Locale.ROOT, "%s: %s than %s (rounds %s)", r.describe(faster, value), times(s.median()),
                r.describe(slower, value), range(s));
        Verdict early = beforeClaim(effect, seen, s, r.conditions(), r,
                List.of(new Config<>(faster, value), new Config<>(slower, value)), true);
        if (early != null) {
            return early;
        }
        if (s.low() >= CLEAR) {
            return shown(effect, seen, s, r.conditions());
        }
        if (s.high() <= 1 / CLEAR) {
            return inconclusive(effect, seen, s, r.conditions(), "the opposite was measured: \"" + slower + "\" was clearly faster here",
                    "rerun; if it persists, this machine or JDK behaves differently from the rule: a finding worth noting");
        }
        return inconclusive(effect, seen, s, r.conditions(), "the difference is within noise here", null);
    }

    /** One variant is faster than another in a {@link Sweep#compare()}. */
    public static Verdict faster(SweepResult<Void> r, String faster, String slower, String effect) {
        return faster(r, faster, slower, null, effect);
    }

    // ------------------------------------------------------------------ shared steps

    private record Config<P>(String variant, P value) {
    }

    /**
     * The checks every verdict makes before it may claim: a busy machine first (if it blocks this
     * effect: it is the cause the reader can act on), then rounds and run length.
     */
    private static <P> Verdict beforeClaim(String effect, String seen, Spread s, Conditions c, SweepResult<P> r,
                                           List<Config<P>> configs, boolean busyBlocks) {
        var why = new ArrayList<String>();
        if (s.count() < 3) {
            why.add(s.count() + (s.count() == 1 ? " round is" : " rounds are") + " too few to tell an effect from noise");
        }
        double shortest = configs.stream().mapToDouble(k -> r.medianMillis(k.variant(), k.value())).min().orElse(Double.NaN);
        if (shortest < TOO_SHORT_MILLIS) {
            why.add(String.format(Locale.ROOT, "runs of %.3f ms are too short to measure: timer and scheduler noise is as large", shortest));
        }
        if (busyBlocks && c.busy()) {
            var all = new ArrayList<>(c.reasons());
            all.addAll(why);
            return new Verdict(Outcome.BUSY, effect, seen, s.median(), all, List.of(CLOSE, LOCALLY), c);
        }
        if (!why.isEmpty()) {
            return new Verdict(Outcome.INCONCLUSIVE, effect, seen, s.median(), why,
                    s.count() < 3 ? List.of(MORE_ROUNDS) : List.of(BIGGER), c);
        }
        return null;
    }

    private static <P> Verdict overlapVerdict(String effect, String seen, Spread s, Conditions c, SweepResult<P> r, List<Config<P>> configs) {
        Verdict early = beforeClaim(effect, seen, s, c, r, configs, false);
        if (early != null) {
            return early;
        }
        if (s.low() >= CLEAR) {
            return shown(effect, seen, s, c);
        }
        if (c.busy()) {
            return new Verdict(Outcome.BUSY, effect, seen, s.median(), c.reasons(), List.of(CLOSE, LOCALLY), c);
        }
        return inconclusive(effect, seen, s, c, "the overlap is within noise here",
                "check that the work really waits (sleep, network) rather than computes");
    }

    private static Verdict shown(String effect, String seen, Spread s, Conditions c) {
        return new Verdict(Outcome.SHOWN, effect, seen, s.median(), List.of(), List.of(), c);
    }

    private static Verdict inconclusive(String effect, String seen, Spread s, Conditions c, String reason, String hint) {
        var why = new ArrayList<String>();
        why.add(reason + String.format(Locale.ROOT, " (an effect is claimed when even the lower quartile of the rounds reaches %.2f×)", CLEAR));
        if (c.unstable()) {
            why.add(String.format(Locale.ROOT, "the times were unstable (spread %.0f%%)", 100 * c.worstSpread()));
        }
        var todo = new ArrayList<String>();
        todo.add(RERUN);
        if (!c.known()) {
            todo.add("this OS does not say whether other programs used the CPUs: " + CLOSE);
        }
        if (hint != null) {
            todo.add(hint);
        }
        return new Verdict(Outcome.INCONCLUSIVE, effect, seen, s.median(), why, todo, c);
    }

    /** The largest numeric value not above the cores (the largest of all on one CPU). */
    private static <P> P widest(SweepResult<P> r, String variant) {
        if (!r.numericValues() || r.values().size() < 2) {
            throw new IllegalArgumentException("name the value to judge, e.g. Verdict.speedup(result, \"" + variant
                    + "\", 4): the sweep's values " + r.values() + " are not thread counts");
        }
        int cores = r.conditions().cores();
        P pick = null;
        for (P v : r.values()) {
            double n = numberOf(v);
            if (!v.equals(r.baselineValue()) && (cores == 1 || n <= cores)
                    && (pick == null || n > numberOf(pick))) {
                pick = v;
            }
        }
        return pick != null ? pick : r.values().getLast();
    }

    private static double numberOf(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }


    private static String times(double ratio) {
        if (Double.isNaN(ratio)) {
            return "not measured";
        }
        return ratio >= 1 ? String.format(Locale.ROOT, "%.2f× faster", ratio) : String.format(Locale.ROOT, "%.2f× slower", 1 / ratio);
    }

    private static String range(Spread s) {
        return String.format(Locale.ROOT, "%.2f-%.2f×", s.min(), s.max());
    }
}
