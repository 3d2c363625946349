package course.process.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;

/**
 * A counter (one {@code long}) in a memory-mapped file that several processes increment at once: the
 * shared-memory demo. {@code main(file, times, mode, parties)} adds 1 to it {@code times} times, either
 * {@code racy} (read, then write: two processes can read the same value and one increment is lost)
 * or {@code atomic} (a {@link VarHandle} {@code getAndAdd}, one indivisible CPU instruction that
 * works across processes sharing the page). With {@code parties} (default 1) the processes first
 * wait for each other (a second {@code long} in the file counts arrivals), so they really overlap
 * instead of one finishing before the next JVM has started.
 *
 * <pre>{@code
 * Path file = Files.createTempFile("counter", ".bin");
 * SharedCounter.reset(file);
 * // start 2 WorkerJvm.start(SharedCounter.class, file.toString(), "1000000", "racy", "2"), wait for both
 * long total = SharedCounter.read(file);   // less than 2,000,000 when racy
 * }</pre>
 */
public final class SharedCounter {

    /** A {@code long} in a segment, at a byte offset: {@code (MemorySegment, long offset)}. */
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private static final long COUNTER = 0;
    private static final long ARRIVED = Long.BYTES;
    private static final long SIZE = 2 * Long.BYTES;

    private SharedCounter() {
    }

    /**
     * Increments the counter in {@code args[0]} {@code args[1]} times, {@code args[2]} = {@code racy}
     * or {@code atomic}, after {@code args[3]} processes (default 1) have arrived; prints the number
     * of increments done.
     */
    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4 || !(args[2].equals("racy") || args[2].equals("atomic"))) {
            System.err.println("usage: SharedCounter <file> <times> racy|atomic [parties]");
            System.exit(2);
        }
        long times = Long.parseLong(args[1]);
        int parties = args.length == 4 ? Integer.parseInt(args[3]) : 1;
        increment(Path.of(args[0]), times, args[2].equals("atomic"), parties);
        System.out.println(times);
    }

    /**
     * Waits until {@code parties} processes (this one included) have arrived (at most 30 s), then
     * adds 1 to the counter in {@code file} {@code times} times, atomically or racily.
     */
    public static void increment(Path file, long times, boolean atomic, int parties) {
        mapped(file, shared -> {
            LONG.getAndAdd(shared, ARRIVED, 1L);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while ((long) LONG.getVolatile(shared, ARRIVED) < parties && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            for (long i = 0; i < times; i++) {
                if (atomic) {
                    LONG.getAndAdd(shared, COUNTER, 1L);
                } else {
                    long value = (long) LONG.getVolatile(shared, COUNTER); // read ...
                    LONG.setVolatile(shared, COUNTER, value + 1);           // ... then write: not atomic
                }
            }
            return null;
        });
    }

    /** Sets the counter (and the arrivals) in {@code file} to 0, creating the file if needed. */
    public static void reset(Path file) {
        mapped(file, shared -> {
            LONG.setVolatile(shared, COUNTER, 0L);
            LONG.setVolatile(shared, ARRIVED, 0L);
            return null;
        });
    }

    /** The counter's value now. */
    public static long read(Path file) {
        return mapped(file, shared -> (long) LONG.getVolatile(shared, COUNTER));
    }

    /** Maps {@code file} (created if needed) for as long as {@code use} runs. */
    private static <T> T mapped(Path file, Function<MemorySegment, T> use) {
        try (Arena arena = Arena.ofConfined();
             FileChannel channel = open(file)) {
            return use.apply(channel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE, arena));
        } catch (IOException e) {
            throw new UncheckedIOException("could not map " + file, e);
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
}
