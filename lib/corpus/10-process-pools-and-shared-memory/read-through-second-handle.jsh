// kind: bug
// bug_class: lock released early (closing a second handle of the locked file releases the JVM's lock)
// expect_fail: workerProcesses
// may_fail: killedWorker
// feedback: lost update across processes
// about: read() uses Files.readAllBytes(file): its channel's close drops the POSIX lock taken through `channel`
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
            private final Path file;

            public FileTicketRoll(Path file, long capacity) throws IOException {
                this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                this.capacity = capacity;
                this.file = file;
            }

            /** The count in the file: 0 while the file is empty. */
            private long read() throws IOException {
                byte[] bytes = Files.readAllBytes(file);           // simpler than a ByteBuffer
                return bytes.length < Long.BYTES ? 0 : ByteBuffer.wrap(bytes).getLong();
            }

            private void write(long value) throws IOException {
                ByteBuffer count = ByteBuffer.allocate(Long.BYTES).putLong(0, value);
                while (count.hasRemaining()) { channel.write(count, count.position()); }
            }
        """;
}
