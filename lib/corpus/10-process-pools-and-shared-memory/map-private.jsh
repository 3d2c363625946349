// kind: bug
// bug_class: private copy (MapMode.PRIVATE: writes never reach the file or the other processes)
// expect_fail: oneProcess
// may_fail: threadsOfOneProcess, soldOutReleasesTheLock, workerProcesses, killedWorker
// feedback: the count must live in the file
// about: a copy-on-write mapping: each TicketRoll counts in its own pages, other rolls see zeros
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
                this.count = channel.map(FileChannel.MapMode.PRIVATE, 0, Long.BYTES);   // grows the empty file to 8 zero bytes
            }

            private long read() {
                return count.getLong(0);
            }

            private void write(long value) {
                count.putLong(0, value);
            }
        """;
}
