package course.workers;

import java.io.PrintStream;

/**
 * The producer end of a pipeline between processes: {@code ItemProducer <count>} writes
 * {@code item 1} ... {@code item <count>} to its standard output, one per line, then {@link #DONE}
 * (the poison pill), and exits.
 */
public final class ItemProducer {

    /** The last line: no more items. */
    public static final String DONE = "DONE";

    private ItemProducer() {
    }

    /** Writes the items and the final {@link #DONE}. */
    public static void main(String[] args) {
        int count;
        try {
            count = args.length == 1 ? Integer.parseInt(args[0]) : -1;
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 0) {
            System.err.println("usage: ItemProducer <count>, e.g. ItemProducer 10");
            System.exit(2);
        }
        produce(count, System.out);
    }

    /** Writes {@code count} items and {@link #DONE} to {@code out}, flushing at the end. */
    public static void produce(int count, PrintStream out) {
        for (int i = 1; i <= count; i++) {
            out.println("item " + i);
        }
        out.println(DONE);
        out.flush();
    }
}
