package course.lesson05;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A counter kept in a plain file (8 bytes) that several processes increment: {@code FileCounter
 * <file> <times> locked|unlocked}. Each increment reads the number and writes it back plus one;
 * {@code locked} does that inside an exclusive {@link FileLock} on the file, {@code unlocked} does not
 * (and loses updates when processes overlap).
 *
 * <p>So that the processes really overlap, each first prints {@code READY} and waits for a line
 * {@code GO} on its standard input (it exits if its input ends instead). When done it prints
 * {@code DONE <times>}.
 */
public final class FileCounter {

    private FileCounter() {
    }

    /** Waits for {@code GO}, increments, reports. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !(args[2].equals("locked") || args[2].equals("unlocked"))) {
            System.err.println("usage: FileCounter <file> <times> locked|unlocked");
            System.exit(2);
        }
        long times = Long.parseLong(args[1]);
        System.out.println("READY");
        System.out.flush();
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (!"GO".equals(line)) {
            System.err.println("FileCounter: expected GO on standard input, got " + line);
            System.exit(1);
        }
        increment(Path.of(args[0]), times, args[2].equals("locked"));
        System.out.println("DONE " + times);
        System.out.flush();
    }

    /** Adds 1 to the counter in {@code file} {@code times} times, each time under a lock or not. */
    public static void increment(Path file, long times, boolean locked) {
        try (FileChannel channel = open(file)) {
            ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES);
            for (long i = 0; i < times; i++) {
                if (locked) {
                    try (FileLock lock = channel.lock()) { // exclusive, whole file; blocks until granted
                        add(channel, buffer);
                    }
                } else {
                    add(channel, buffer);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not update the counter in " + file, e);
        }
    }

    /** Sets the counter in {@code file} to 0, creating the file if needed. */
    public static void reset(Path file) {
        try (FileChannel channel = open(file)) {
            channel.truncate(0);
            write(channel, ByteBuffer.allocate(Long.BYTES), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not reset the counter in " + file, e);
        }
    }

    /** The counter's value in {@code file}. */
    public static long read(Path file) {
        try (FileChannel channel = open(file)) {
            return read(channel, ByteBuffer.allocate(Long.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the counter in " + file, e);
        }
    }

    private static void add(FileChannel channel, ByteBuffer buffer) throws IOException {
        long value = read(channel, buffer);  // read ...
        write(channel, buffer, value + 1);   // ... then write: another process may write in between
    }

    private static long read(FileChannel channel, ByteBuffer buffer) throws IOException {
        buffer.clear();
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, buffer.position()) < 0) {
                return 0; // a new, empty file
            }
        }
        return buffer.flip().getLong();
    }

    private static void write(FileChannel channel, ByteBuffer buffer, long value) throws IOException {
        buffer.clear().putLong(value).flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer, buffer.position());
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
}
