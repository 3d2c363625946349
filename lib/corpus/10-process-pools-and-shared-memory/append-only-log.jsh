// kind: correct
// about: no count at all: each ticket appends one byte under the FileLock, the ticket is the length before it
// ==== cell 10-process-pools-and-shared-memory-06
class RollFile {
    static final String JAVA = """
        import java.io.IOException;
        import java.nio.ByteBuffer;
        import java.nio.channels.*;
        import java.nio.file.*;

        public class FileTicketRoll implements TicketRoll {
            private final FileChannel log;
            private final long capacity;
            private final ByteBuffer mark = ByteBuffer.allocate(1);

            public FileTicketRoll(Path file, long capacity) throws IOException {
                this.log = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                this.capacity = capacity;
            }

            private long read() throws IOException {
                return log.size();                 // one byte per ticket taken
            }

            private void append(long at) throws IOException {
                mark.clear();
                while (mark.hasRemaining()) { log.write(mark, at); }
            }
        """;
}
// ==== cell 10-process-pools-and-shared-memory-08
class MyRoll implements RollSource {
    static final String TAKE = """
            public synchronized long take() throws IOException, SoldOutException {
                try (FileLock lock = log.lock()) {
                    long next = read();
                    if (next >= capacity) throw new SoldOutException(capacity);
                    append(next);
                    return next;
                }
            }

            public synchronized long taken() throws IOException {
                try (FileLock lock = log.lock()) {
                    return read();
                }
            }

            public synchronized void close() throws IOException {
                log.close();
            }
        }
        """;

    public String java() {
        return RollFile.JAVA + TAKE;
    }
}
