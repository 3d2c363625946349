package course.workers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * The consumer end of a pipeline between processes: reads lines from standard input until
 * {@link ItemProducer#DONE}, then prints {@code consumed <n> items in process <pid>} and exits. If
 * its input ends without {@code DONE} it says so and exits with code 1. If nobody ever writes to its
 * input, it waits: that is the "two different queues" mistake of lesson 09.
 */
public final class ItemConsumer {

    private ItemConsumer() {
    }

    /** Consumes standard input and reports. */
    public static void main(String[] args) throws IOException {
        int code = consume(new InputStreamReader(System.in, StandardCharsets.UTF_8), System.out);
        System.exit(code);
    }

    /**
     * Reads items from {@code in} until {@code DONE}; prints the report to {@code out}. Returns 0,
     * or 1 if the input ended before {@code DONE}.
     */
    public static int consume(Reader in, PrintStream out) throws IOException {
        BufferedReader lines = new BufferedReader(in);
        int count = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.equals(ItemProducer.DONE)) {
                out.println("consumed " + count + " items in process " + ProcessHandle.current().pid());
                out.flush();
                return 0;
            }
            count++;
        }
        out.println("input ended after " + count + " items without " + ItemProducer.DONE);
        out.flush();
        return 1;
    }
}
