package course.exercises.sharedmemory;

import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The grader's record of the tickets one worker took, in a memory-mapped file of its own: what a
 * worker wrote there survives the worker being killed. Longs in native order: the count, a stop
 * flag (set by the grader), the worker's pid, then the tickets in the order taken.
 */
final class Receipt {

    private static final int COUNT = 0;
    private static final int STOP = 8;
    private static final int PID = 16;
    private static final int GO = 24;
    private static final int READY = 32;
    private static final int TICKETS = 40;

    private final MappedByteBuffer memory;
    private final long room;
    private long count;

    private Receipt(MappedByteBuffer memory) {
        this.memory = memory;
        this.room = (memory.capacity() - TICKETS) / Long.BYTES;
    }

    /** Creates an empty receipt with room for {@code room} tickets (the worker side opens it). */
    static void create(Path file, long room) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            c.write(ByteBuffer.allocate(1), TICKETS + room * Long.BYTES - 1);
        }
    }

    /** Maps an existing receipt (in the worker). */
    static Receipt open(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer m = c.map(FileChannel.MapMode.READ_WRITE, 0, c.size());
            m.order(ByteOrder.nativeOrder());
            m.putLong(PID, ProcessHandle.current().pid());
            return new Receipt(m);
        }
    }

    /**
     * Says the worker is ready, then waits until the grader says go, at most {@code limitMillis}:
     * so the workers start taking together, not one after the other as their JVMs happen to get going.
     */
    void readyThenAwaitGo(long limitMillis) throws InterruptedException {
        VarHandle.releaseFence();
        memory.putLong(READY, 1L);
        long deadline = System.nanoTime() + limitMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            VarHandle.acquireFence();
            if (memory.getLong(GO) != 0) {
                return;
            }
            Thread.sleep(java.time.Duration.ofNanos(50_000));
        }
    }

    boolean hasRoom() {
        return count < room;
    }

    boolean stopped() {
        VarHandle.acquireFence();
        return memory.getLong(STOP) != 0;
    }

    /** Records one ticket: the ticket first, then the count that makes it visible. */
    void add(long ticket) {
        memory.putLong(TICKETS + (int) count * Long.BYTES, ticket);
        VarHandle.releaseFence();
        memory.putLong(COUNT, ++count);
    }

    long count() {
        return count;
    }

    // ---- the grader's side: plain file reads, which see the worker's mapped pages

    /** Lets the worker start taking. */
    static void go(Path file) throws IOException {
        writeLong(file, GO, 1L);
    }

    /** Whether the worker has opened its roll and waits for go. */
    static boolean ready(Path file) throws IOException {
        return readLong(file, READY) != 0;
    }

    /** The pid the worker wrote when it began the input, 0 before. */
    static long pid(Path file) throws IOException {
        return readLong(file, PID);
    }

    /** How many tickets the worker has recorded so far. */
    static long count(Path file) throws IOException {
        return readLong(file, COUNT);
    }

    /** Asks the worker to stop after its current ticket. */
    static void stop(Path file) throws IOException {
        writeLong(file, STOP, 1L);
    }

    private static void writeLong(Path file, long at, long value) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.nativeOrder()).putLong(0, value);
            while (b.hasRemaining()) {
                c.write(b, at + b.position());
            }
        }
    }

    /** The tickets recorded, in the order taken. */
    static long[] tickets(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            long n = Math.max(0, Math.min(readLong(file, COUNT), (c.size() - TICKETS) / Long.BYTES));
            ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(n * Long.BYTES)).order(ByteOrder.nativeOrder());
            while (bytes.hasRemaining() && c.read(bytes, TICKETS + bytes.position()) >= 0) {
                // keep reading
            }
            long[] out = new long[(int) n];
            bytes.flip().asLongBuffer().get(out);
            return out;
        }
    }

    private static long readLong(Path file, long at) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.nativeOrder());
            while (b.hasRemaining() && c.read(b, at + b.position()) >= 0) {
                // keep reading
            }
            return b.position() == Long.BYTES ? b.getLong(0) : 0;
        }
    }
}
