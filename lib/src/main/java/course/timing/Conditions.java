package course.timing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the machine was doing while a {@link Sweep} measured: whether other work competed for the
 * CPUs, and how hard the sweep had to try for stable numbers. Every {@link SweepResult} carries one,
 * and every {@link Verdict} reads it before it claims anything.
 *
 * <p>On Linux the sweep reads {@code /proc/stat} (CPU time of every process, steal time) and
 * {@code /proc/self/stat} (its own CPU time) for the CPUs it may run on, before and after
 * measuring; elsewhere those figures are NaN and {@link #known()} is false: the sweep could not tell
 * whether the machine was busy, and says so.
 *
 * @param cores       CPUs the JVM may use
 * @param loadBefore  one-minute load average when the sweep started (NaN if unknown); it includes
 *                    this notebook's own earlier work, so it only decides when nothing better is known
 * @param othersShare share of the usable CPUs' time that other processes used during the sweep
 *                    (0.5: half of it), NaN if unknown
 * @param stealShare  share of the CPUs' time the hypervisor gave to other virtual machines, NaN if
 *                    the OS does not report it
 * @param cpuPerWall  process CPU time over wall time of the measured runs (1.0: one core busy all
 *                    the time), NaN if unknown
 * @param roundsAdded measured rounds the sweep added because the times were unstable
 * @param worstSpread the largest relative spread ({@link Spread#relative()}) of any configuration's
 *                    times at the end
 */
public record Conditions(int cores, double loadBefore, double othersShare, double stealShare,
                         double cpuPerWall, int roundsAdded, double worstSpread) {

    /** Other processes using at least this share of the CPUs' time make the machine busy. */
    public static final double BUSY_OTHERS = 0.25;
    /** A hypervisor stealing at least this share of the CPUs' time makes the machine busy. */
    public static final double BUSY_STEAL = 0.10;
    /** A configuration whose relative spread is above this is unstable: the sweep adds rounds. */
    public static final double UNSTABLE_SPREAD = 0.10;

    /** Conditions of a measurement nothing was observed about, e.g. numbers typed in from elsewhere. */
    public static Conditions unknown(int cores) {
        return new Conditions(cores, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN);
    }

    /** Whether the CPU use of other processes was read (Linux); if not, only the load average speaks. */
    public boolean known() {
        return !Double.isNaN(othersShare);
    }

    /**
     * Whether other work competed for the CPUs enough to distort the measurement: other processes
     * took at least {@link #BUSY_OTHERS} of the CPUs' time, or a hypervisor stole at least
     * {@link #BUSY_STEAL}; where neither is known, a load average above the core count.
     */
    public boolean busy() {
        return !reasons().isEmpty();
    }

    /** Why the machine counts as busy, in plain words; empty when it was not (or nobody could tell). */
    public List<String> reasons() {
        var why = new ArrayList<String>();
        if (othersShare >= BUSY_OTHERS) {
            why.add(String.format(Locale.ROOT, "other programs used %.0f%% of the CPU time of %s during the run",
                    100 * othersShare, coresText()));
        }
        if (stealShare >= BUSY_STEAL) {
            why.add(String.format(Locale.ROOT, "the virtual machine's host took %.0f%% of the CPU time (steal) for others",
                    100 * stealShare));
        }
        if (!known() && loadBefore > cores) {
            why.add(String.format(Locale.ROOT, "the load average was %.1f, above the %s", loadBefore, coresText()));
        }
        return List.copyOf(why);
    }

    /** Whether the times were still unstable (spread above {@link #UNSTABLE_SPREAD}) when the sweep stopped. */
    public boolean unstable() {
        return worstSpread > UNSTABLE_SPREAD;
    }

    /** One line: "2 cores; others used 3% of the CPU time, steal 0%; 1 round added" or what could not be told. */
    public String summary() {
        var parts = new ArrayList<String>();
        parts.add(coresText());
        if (known()) {
            parts.add(String.format(Locale.ROOT, "others used %.0f%% of the CPU time", 100 * othersShare));
        } else {
            parts.add("could not tell whether other programs used the CPUs (this OS does not say)");
        }
        if (!Double.isNaN(stealShare)) {
            parts.add(String.format(Locale.ROOT, "steal %.0f%%", 100 * stealShare));
        }
        if (!Double.isNaN(loadBefore)) {
            parts.add(String.format(Locale.ROOT, "load %.2f before", loadBefore));
        }
        if (roundsAdded > 0) {
            parts.add(roundsAdded + (roundsAdded == 1 ? " round" : " rounds") + " added for unstable times");
        }
        if (unstable()) {
            parts.add(String.format(Locale.ROOT, "times still spread by %.0f%%", 100 * worstSpread));
        }
        return String.join("; ", parts) + (busy() ? ": BUSY" : "");
    }

    private String coresText() {
        return cores + (cores == 1 ? " CPU" : " CPUs");
    }

    @Override
    public String toString() {
        return summary();
    }
}
