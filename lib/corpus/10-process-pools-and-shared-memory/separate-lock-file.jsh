// kind: correct
// about: FileLock on a separate lock file, the count through a RandomAccessFile, a ReentrantLock for the threads
// ==== cell 10-process-pools-and-shared-memory-06
class RollFile {
    static final String JAVA = """
        import java.io.*;
        import java.nio.channels.*;
        import java.nio.file.*;
        import java.util.concurrent.locks.ReentrantLock;

        public class FileTicketRoll implements TicketRoll {
            private final RandomAccessFile data;     // the count
            private final FileChannel guard;         // a second file, only ever locked
            private final ReentrantLock threads = new ReentrantLock();
            private final long capacity;

            public FileTicketRoll(Path file, long capacity) throws IOException {
                this.data = new RandomAccessFile(file.toFile(), "rw");
                this.guard = FileChannel.open(Path.of(file + ".guard"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                this.capacity = capacity;
            }

            private long read() throws IOException {
                if (data.length() < Long.BYTES) return 0;
                data.seek(0);
                return data.readLong();
            }

            private void write(long value) throws IOException {
                data.seek(0);
                data.writeLong(value);
            }
        """;
}
// ==== cell 10-process-pools-and-shared-memory-08
class MyRoll implements RollSource {
    static final String TAKE = """
            public long take() throws IOException, SoldOutException {
                threads.lock();
                try (FileLock processes = guard.lock()) {
                    long next = read();
                    if (next >= capacity) throw new SoldOutException(capacity);
                    write(next + 1);
                    return next;
                } finally {
                    threads.unlock();
                }
            }

            public long taken() throws IOException {
                threads.lock();
                try (FileLock processes = guard.lock()) {
                    return read();
                } finally {
                    threads.unlock();
                }
            }

            public void close() throws IOException {
                threads.lock();
                try (data; guard) {
                } finally {
                    threads.unlock();
                }
            }
        }
        """;

    public String java() {
        return RollFile.JAVA + TAKE;
    }
}
