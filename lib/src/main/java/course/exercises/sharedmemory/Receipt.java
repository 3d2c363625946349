package course.exercises.sharedmemory;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The grader's record of the tickets one worker took, in a memory-mapped file of its own: what a
 * worker wrote there survives the worker being killed. Longs in native order: the count, a stop
 * flag (set by the grader), the worker's pid, then the tickets in the order taken.
 */
final class Receipt implements AutoCloseable {

    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final long COUNT = 0;
    private static final long STOP = 8;
    private static final long PID = 16;
    private static final long TICKETS = 24;

    private final Arena arena;
    private final MemorySegment memory;
    private final long room;

    private Receipt(Arena arena, MemorySegment memory) {
        this.arena = arena;
        this.memory = memory;
        this.room = (memory.byteSize() - TICKETS) / Long.BYTES;
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
        Arena arena = Arena.ofConfined();
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MemorySegment m = c.map(FileChannel.MapMode.READ_WRITE, 0, c.size(), arena);
            Receipt r = new Receipt(arena, m);
            LONG.setVolatile(m, PID, ProcessHandle.current().pid());
            return r;
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    boolean hasRoom() {
        return (long) LONG.getOpaque(memory, COUNT) < room;
    }

    boolean stopped() {
        return (long) LONG.getOpaque(memory, STOP) != 0;
    }

    /** Records one ticket: the ticket first, then the count that makes it visible. */
    void add(long ticket) {
        long n = (long) LONG.getOpaque(memory, COUNT);
        LONG.setOpaque(memory, TICKETS + n * Long.BYTES, ticket);
        LONG.setRelease(memory, COUNT, n + 1);
    }

    long count() {
        return (long) LONG.getAcquire(memory, COUNT);
    }

    @Override
    public void close() {
        arena.close();
    }

    // ---- the grader's side: plain file reads, which see the worker's mapped pages

    /** The pid the worker wrote, 0 if it has not started. */
    static long pid(Path file) throws IOException {
        return readLong(file, PID);
    }

    /** How many tickets the worker has recorded so far. */
    static long count(Path file) throws IOException {
        return readLong(file, COUNT);
    }

    /** Asks the worker to stop after its current ticket. */
    static void stop(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.write(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.nativeOrder()).putLong(0, 1L), STOP);
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
