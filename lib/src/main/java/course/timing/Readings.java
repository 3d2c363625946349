package course.timing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

/**
 * One look at the machine: the load average, and on Linux the CPU ticks of the CPUs this process may
 * run on (busy, steal, all) and this process's own ticks. A {@link Sweep} reads one before and one
 * after measuring; {@link #between} turns the two into {@link Conditions}.
 *
 * @param load       one-minute load average, NaN if unknown
 * @param busyTicks  ticks the usable CPUs spent running anything (user, nice, system, irq, softirq), -1 if unknown
 * @param stealTicks ticks stolen by the hypervisor, -1 if unknown
 * @param allTicks   all ticks of the usable CPUs (idle included), -1 if unknown
 * @param ownTicks   user and system ticks of this process, -1 if unknown
 */
record Readings(double load, long busyTicks, long stealTicks, long allTicks, long ownTicks) {

    /** Readings where nothing is known. */
    static final Readings NONE = new Readings(Double.NaN, -1, -1, -1, -1);

    /** Reads the machine now: {@code /proc} on Linux, only the load average elsewhere. */
    static Readings now() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        load = load < 0 ? Double.NaN : load;
        try {
            BitSet allowed = allowedCpus(Files.readAllLines(Path.of("/proc/self/status")));
            long[] cpu = cpuTicks(Files.readAllLines(Path.of("/proc/stat")), allowed);
            long own = ownTicks(Files.readString(Path.of("/proc/self/stat")));
            return new Readings(load, cpu[0], cpu[1], cpu[2], own);
        } catch (IOException | RuntimeException e) {
            return new Readings(load, -1, -1, -1, -1);
        }
    }

    /** What happened between {@code before} and {@code after}: others' share of the CPU time, steal. */
    static Conditions between(Readings before, Readings after, int cores, double cpuPerWall, int roundsAdded, double worstSpread) {
        double others = Double.NaN;
        double steal = Double.NaN;
        long all = after.allTicks - before.allTicks;
        if (before.allTicks >= 0 && after.allTicks >= 0 && all > 0) {
            if (before.busyTicks >= 0 && before.ownTicks >= 0 && after.ownTicks >= 0) {
                long othersTicks = (after.busyTicks - before.busyTicks) - (after.ownTicks - before.ownTicks);
                others = Math.max(0, (double) othersTicks / all);
            }
            if (before.stealTicks >= 0) {
                steal = Math.max(0, (double) (after.stealTicks - before.stealTicks) / all);
            }
        }
        return new Conditions(cores, before.load, others, steal, cpuPerWall, roundsAdded, worstSpread);
    }

    /** The CPUs named by {@code Cpus_allowed_list} (e.g. "0-3,6"), or null for "all of them". */
    static BitSet allowedCpus(List<String> status) {
        for (String line : status) {
            if (line.startsWith("Cpus_allowed_list:")) {
                var set = new BitSet();
                for (String range : line.substring(line.indexOf(':') + 1).trim().split(",")) {
                    String[] ends = range.trim().split("-");
                    int from = Integer.parseInt(ends[0].trim());
                    int to = ends.length > 1 ? Integer.parseInt(ends[1].trim()) : from;
                    set.set(from, to + 1);
                }
                return set;
            }
        }
        return null;
    }

    /** {busy, steal, all} ticks summed over the allowed "cpuN" lines of /proc/stat (all CPUs if null). */
    static long[] cpuTicks(List<String> stat, BitSet allowed) {
        long busy = 0;
        long steal = 0;
        long all = 0;
        boolean any = false;
        for (String line : stat) {
            if (!line.startsWith("cpu") || line.startsWith("cpu ")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            int id = Integer.parseInt(f[0].substring(3));
            if (allowed != null && !allowed.get(id)) {
                continue;
            }
            // user nice system idle iowait irq softirq steal [guest guest_nice: already inside user and nice]
            long[] t = new long[8];
            for (int i = 0; i < t.length && i + 1 < f.length; i++) {
                t[i] = Long.parseLong(f[i + 1]);
            }
            busy += t[0] + t[1] + t[2] + t[5] + t[6];
            steal += t[7];
            all += t[0] + t[1] + t[2] + t[3] + t[4] + t[5] + t[6] + t[7];
            any = true;
        }
        if (!any) {
            throw new IllegalStateException("no cpuN lines in /proc/stat");
        }
        return new long[] {busy, steal, all};
    }

    /** utime + stime (fields 14 and 15) of a /proc/PID/stat line; the command name may contain spaces. */
    static long ownTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state), so field n is f[n - 3]
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
