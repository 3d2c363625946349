// kind: bug
// bug_class: lock region: each process locks a different region (the byte it is about to append)
// expect_fail: workerProcesses
// may_fail: killedWorker
// feedback: lost update across processes
// about: an append-only log that locks only the end of the file as it saw it: two processes lock different bytes
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
                long end = log.size();
                try (FileLock lock = log.lock(end, 1, false)) {   // lock just the byte I am about to append
                    long next = read();
                    if (next >= capacity) throw new SoldOutException(capacity);
                    append(next);
                    return next;
                }
            }

            public synchronized long taken() throws IOException {
                return read();
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
