package course.timing;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * The two clocks every measurement reads: wall time and the CPU time of the whole process.
 *
 * <p>Package-private so that tests can hand a {@link Sweep} a fake clock and check its arithmetic
 * without timing anything.
 *
 * @param wall nanoseconds of wall time, like {@link System#nanoTime()}
 * @param cpu  nanoseconds of CPU time used by every thread of the process, or -1 if unknown
 */
record Clocks(LongSupplier wall, LongSupplier cpu) {

    /** The real clocks. */
    static final Clocks SYSTEM = new Clocks(System::nanoTime, Clocks::processCpuNanos);

    /** CPU time of the whole process (all threads, including GC), or -1 if the JVM cannot tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    long wallNanos() {
        return wall.getAsLong();
    }

    long cpuNanos() {
        return cpu.getAsLong();
    }
}
