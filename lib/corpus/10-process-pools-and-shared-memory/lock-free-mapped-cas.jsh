// kind: correct
// about: no lock: a compareAndSet loop on a long in a shared MemorySegment (lesson 10, section 2), nothing to leave held
// ==== cell 10-process-pools-and-shared-memory-06
class RollFile {
    static final String JAVA = """
        import java.io.IOException;
        import java.lang.foreign.*;
        import java.lang.invoke.VarHandle;
        import java.nio.channels.FileChannel;
        import java.nio.file.*;

        public class FileTicketRoll implements TicketRoll {
            static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
            private final Arena arena = Arena.ofShared();
            private final MemorySegment count;
            private final long capacity;

            public FileTicketRoll(Path file, long capacity) throws IOException {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    this.count = channel.map(FileChannel.MapMode.READ_WRITE, 0, Long.BYTES, arena);
                }
                this.capacity = capacity;
            }
        """;
}
// ==== cell 10-process-pools-and-shared-memory-08
class MyRoll implements RollSource {
    static final String TAKE = """
            public long take() throws SoldOutException {
                while (true) {
                    long next = (long) LONG.getVolatile(count, 0L);
                    if (next >= capacity) throw new SoldOutException(capacity);
                    if (LONG.compareAndSet(count, 0L, next, next + 1)) return next;   // atomic across processes too
                }
            }

            public long taken() {
                return (long) LONG.getVolatile(count, 0L);
            }

            public void close() {
                arena.close();
            }
        }
        """;

    public String java() {
        return RollFile.JAVA + TAKE;
    }
}
