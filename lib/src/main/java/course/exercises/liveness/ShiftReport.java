package course.exercises.liveness;

import course.trace.StateTimeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What happened during one {@link Shift}.
 *
 * @param quota        operations each clerk had to complete
 * @param done         operations (calls of {@code order} or {@code cancel} that returned) per clerk, clerk 1 first
 * @param courierCalls calls of the courier that returned
 * @param maxOverlap   the most courier calls in progress at one moment
 * @param audits       audits the auditor completed
 * @param violations   broken rules of the contract, in the order seen (at most a few)
 * @param failures     exceptions the warehouse threw to a clerk or the auditor, described
 * @param finished     whether every clerk completed its quota and ended before the limit
 * @param elapsed      how long the shift ran
 * @param hang         "" or, when threads were stuck waiting for locks at the limit, what they held and awaited
 * @param busy         "" or, when threads were still running at the limit without finishing, what they were doing
 * @param unresponsive threads that ignored the interrupt at the end of the shift and were abandoned
 * @param cpus         processors available to the JVM
 * @param timeline     what each thread did over the shift, or null unless {@link Shift#timeline} asked for it
 */
public record ShiftReport(int quota, List<Long> done, long courierCalls, int maxOverlap, long audits,
        List<String> violations, List<String> failures, boolean finished, Duration elapsed, String hang, String busy,
        List<String> unresponsive, int cpus, StateTimeline timeline) {

    /** Copies the lists. */
    public ShiftReport {
        done = List.copyOf(done);
        violations = List.copyOf(violations);
        failures = List.copyOf(failures);
        unresponsive = List.copyOf(unresponsive);
    }

    /** Operations done by all clerks together. */
    public long totalDone() {
        return done.stream().mapToLong(Long::longValue).sum();
    }

    /** Operations per second of the whole shift. */
    public double perSecond() {
        return elapsed.isZero() ? 0 : totalDone() / (elapsed.toNanos() / 1e9);
    }

    /** "clerk-1 12, clerk-2 0 (of 60)". */
    public String perClerk() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            parts.add("clerk-" + (i + 1) + " " + done.get(i));
        }
        return String.join(", ", parts) + " (of " + quota + ")";
    }

    /** The report in plain words, a few lines. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "shift of %d clerks, %d operations each, %d %s: %s after %d ms%n",
                done.size(), quota, cpus, cpus == 1 ? "CPU" : "CPUs", finished ? "finished" : "stopped, unfinished,",
                elapsed.toMillis()));
        sb.append(String.format(Locale.ROOT, "  operations done: %s, %.0f per second%n", perClerk(), perSecond()));
        sb.append(String.format(Locale.ROOT, "  courier calls: %,d (at most %d at once); audits: %,d%n", courierCalls,
                maxOverlap, audits));
        if (!hang.isEmpty()) {
            sb.append("  stuck at the limit: ").append(hang).append('\n');
        }
        if (!busy.isEmpty()) {
            sb.append("  still running at the limit: ").append(busy).append('\n');
        }
        violations.forEach(v -> sb.append("  broken rule: ").append(v).append('\n'));
        failures.forEach(f -> sb.append("  threw: ").append(f).append('\n'));
        if (!unresponsive.isEmpty()) {
            sb.append("  ignored the interrupt and were left behind: ").append(String.join(", ", unresponsive)).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    @Override
    public String toString() {
        return summary();
    }
}
