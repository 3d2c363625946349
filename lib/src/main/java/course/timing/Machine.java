package course.timing;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The machine a measurement ran on: every chart and table of timings names it, because a speedup
 * means little without the core count.
 *
 * @param cores        processors available to the JVM
 * @param loadAverage  system load average over the last minute when measured, NaN if unknown
 *                     (a load near {@code cores} means other work competed for the CPUs)
 * @param maxHeapBytes the most heap the JVM will use ({@code -Xmx})
 * @param jvm          the Java version, e.g. "25.0.1"
 * @param os           operating system and architecture, e.g. "Linux amd64"
 */
public record Machine(int cores, double loadAverage, long maxHeapBytes, String jvm, String os) {

    /** The machine this JVM runs on, now. */
    public static Machine current() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                load < 0 ? Double.NaN : load,
                Runtime.getRuntime().maxMemory(),
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    /** One line for chart subtitles: "2 cores, load 0.31, Java 25.0.1, heap 1.0 GiB, Linux amd64". */
    public String summary() {
        String load = Double.isNaN(loadAverage) ? "load n/a" : String.format(Locale.ROOT, "load %.2f", loadAverage);
        return String.format(Locale.ROOT, "%d %s, %s, Java %s, heap %.1f GiB, %s",
                cores, cores == 1 ? "core" : "cores", load, jvm, maxHeapBytes / (double) (1L << 30), os);
    }

    @Override
    public String toString() {
        return summary();
    }
}
