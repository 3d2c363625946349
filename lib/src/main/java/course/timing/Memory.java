package course.timing;

import java.lang.management.ManagementFactory;

/**
 * Heap readings that can be compared: how much memory live objects take, after the garbage
 * collector has had its say.
 *
 * <p>One {@code MemoryMXBean} reading right after a {@code System.gc()} is often off by megabytes
 * (the collector may still be working, or may not have run at all), so {@link #settledHeapBytes()}
 * collects until two readings agree. Use it before and after creating many objects and divide the
 * difference by their number to get bytes per object.
 */
public final class Memory {

    /** Readings closer than this count as agreeing. */
    private static final long TOLERANCE = 256 * 1024;
    private static final int MAX_COLLECTIONS = 6;

    private Memory() {
    }

    /**
     * Heap bytes in use once the heap has settled: full collections until two readings agree within
     * 256 KiB (at most six, 50 ms apart); returns the last reading if they never agree.
     *
     * @throws InterruptedException if interrupted while waiting between collections
     */
    public static long settledHeapBytes() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < MAX_COLLECTIONS; i++) {
            System.gc();
            Thread.sleep(50);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - last) < TOLERANCE) {
                return used;
            }
            last = used;
        }
        return last;
    }
}
