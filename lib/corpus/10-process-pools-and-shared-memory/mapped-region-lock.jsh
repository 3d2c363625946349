// kind: correct
// about: the count in a MappedByteBuffer with absolute getLong/putLong, a FileLock on its 8 bytes only
// ==== cell 10-process-pools-and-shared-memory-06
class RollFile {
    static final String JAVA = """
        import java.io.IOException;
        import java.nio.MappedByteBuffer;
        import java.nio.channels.*;
        import java.nio.file.*;

        public class FileTicketRoll implements TicketRoll {
            private final FileChannel channel;
            private final long capacity;
            private final MappedByteBuffer count;   // the file's first 8 bytes, mapped

            public FileTicketRoll(Path file, long capacity) throws IOException {
                this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                this.capacity = capacity;
                this.count = channel.map(FileChannel.MapMode.READ_WRITE, 0, Long.BYTES);   // grows the empty file to 8 zero bytes
            }

            private long read() {
                return count.getLong(0);
            }

            private void write(long value) {
                count.putLong(0, value);
            }
        """;
}
// ==== cell 10-process-pools-and-shared-memory-08
class MyRoll implements RollSource {
    static final String TAKE = """
            public synchronized long take() throws IOException, SoldOutException {
                try (FileLock lock = channel.lock(0, Long.BYTES, false)) {   // just the count's bytes
                    long next = read();
                    if (next >= capacity) {
                        throw new SoldOutException(capacity);
                    }
                    write(next + 1);
                    return next;
                }
            }

            public synchronized long taken() throws IOException {
                try (FileLock lock = channel.lock(0, Long.BYTES, false)) {
                    return read();
                }
            }

            public synchronized void close() throws IOException {
                channel.close();
            }
        }
        """;

    public String java() {
        return RollFile.JAVA + TAKE;
    }
}
