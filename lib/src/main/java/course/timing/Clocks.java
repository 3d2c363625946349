package course.timing;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * The two clocks every measurement reads: wall time and the CPU time of the whole process.
 *
 * <p>Process CPU time comes from {@code com.sun.management.OperatingSystemMXBean#getProcessCpuTime},
 * which on Linux counts in 10 ms ticks: too coarse for runs of a few milliseconds. When the JVM
 * allows native access ({@code --enable-native-access=ALL-UNNAMED}) on Linux, the POSIX clock
 * {@code CLOCK_PROCESS_CPUTIME_ID} is read instead, to the nanosecond, through the FFM API; without
 * that flag nothing native is touched, so no warning is printed.
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

    private static final int CLOCK_PROCESS_CPUTIME_ID = 2; // Linux, <time.h>
    private static final MethodHandle CLOCK_GETTIME = clockGettime();

    /** CPU time of the whole process (all threads, including GC), or -1 if the JVM cannot tell. */
    static long processCpuNanos() {
        long precise = preciseProcessCpuNanos();
        if (precise >= 0) {
            return precise;
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Whether CPU time is read to the nanosecond (else in the operating system's ticks). */
    static boolean preciseCpu() {
        return preciseProcessCpuNanos() >= 0;
    }

    /** {@code clock_gettime(CLOCK_PROCESS_CPUTIME_ID)}, or -1 when native access is not allowed or fails. */
    static long preciseProcessCpuNanos() {
        if (CLOCK_GETTIME == null) {
            return -1;
        }
        try (Arena arena = Arena.ofConfined()) {
            var timespec = arena.allocate(16, 8); // struct timespec { long tv_sec; long tv_nsec; } on 64-bit Linux
            int rc = (int) CLOCK_GETTIME.invokeExact(CLOCK_PROCESS_CPUTIME_ID, timespec);
            if (rc != 0) {
                return -1;
            }
            return timespec.get(ValueLayout.JAVA_LONG, 0) * 1_000_000_000L + timespec.get(ValueLayout.JAVA_LONG, 8);
        } catch (Throwable e) {
            return -1;
        }
    }

    private static MethodHandle clockGettime() {
        boolean linux64 = System.getProperty("os.name", "").startsWith("Linux") && ValueLayout.ADDRESS.byteSize() == 8;
        if (!linux64 || !Clocks.class.getModule().isNativeAccessEnabled()) {
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("clock_gettime")
                    .map(f -> linker.downcallHandle(f, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS)))
                    .orElse(null);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    long wallNanos() {
        return wall.getAsLong();
    }

    long cpuNanos() {
        return cpu.getAsLong();
    }
}
