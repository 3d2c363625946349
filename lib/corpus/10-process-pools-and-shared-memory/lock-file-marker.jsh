// kind: bug
// bug_class: lock not released when its holder dies (a lock file created and deleted by hand)
// expect_fail: killedWorker
// feedback: was killed
// about: Files.createFile as a lock excludes the processes, but a killed holder never deletes the file
// ==== cell 10-process-pools-and-shared-memory-06
class RollFile {
    static final String JAVA = """
        import java.io.IOException;
        import java.nio.ByteBuffer;
        import java.nio.channels.*;
        import java.nio.file.*;

        public class FileTicketRoll implements TicketRoll {
            private final FileChannel channel;
            private final long capacity;
            private final ByteBuffer count = ByteBuffer.allocate(Long.BYTES);
            private final Path lockFile;   // exists while a process is in take()

            public FileTicketRoll(Path file, long capacity) throws IOException {
                this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                this.capacity = capacity;
                this.lockFile = Path.of(file + ".lock");
            }

            /** The count in the file: 0 while the file is empty. */
            private long read() throws IOException {
                count.clear();
                while (count.hasRemaining() && channel.read(count, count.position()) >= 0) { }
                return count.hasRemaining() ? 0 : count.getLong(0);
            }

            private void write(long value) throws IOException {
                count.clear().putLong(0, value);
                while (count.hasRemaining()) { channel.write(count, count.position()); }
            }
        """;
}
// ==== cell 10-process-pools-and-shared-memory-08
class MyRoll implements RollSource {
    static final String TAKE = """
            public synchronized long take() throws IOException, SoldOutException {
                while (true) {
                    try {
                        Files.createFile(lockFile);   // atomic: exactly one process creates it
                        break;
                    } catch (FileAlreadyExistsException busy) {
                        Thread.onSpinWait();
                    }
                }
                try {
                    long next = read();
                    if (next >= capacity) {
                        throw new SoldOutException(capacity);
                    }
                    write(next + 1);
                    return next;
                } finally {
                    Files.delete(lockFile);
                }
            }

            public synchronized long taken() throws IOException {
                return read();
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
