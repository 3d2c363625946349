package course.exercises.memory;

/**
 * The grader's hot loops: plain work around one call to the student's code, with the deadline
 * read only every 65,536 turns, so that nothing in the loop orders memory except what the
 * student's code does. After warm-up HotSpot's C2 compiler inlines the call; a plain field read
 * in it is then loop-invariant and read once, and the loop never sees another thread's write.
 * {@link MemoryTests} runs a fresh copy of this class per test (a hidden class) so that every
 * call site sees the student's classes only.
 */
final class Spinner {

    /** Keeps the loops' work alive. */
    static volatile long sink;

    private Spinner() {
    }

    /** Turns until {@code flag.isStopped()}: the number of turns, or -1 at the deadline. */
    static long untilStopped(StopFlag flag, long deadline) {
        long x = 1;
        long i = 0;
        while (!flag.isStopped()) {
            x = x * 31 + i;
            if ((++i & 0xFFFF) == 0 && System.nanoTime() > deadline) {
                sink = x;
                return -1;
            }
        }
        sink = x;
        return i;
    }

    /** Turns until the board's current snapshot has a version above 1: that snapshot, or null at the deadline. */
    static Snapshot untilVersion(Board board, long deadline) {
        long x = 1;
        long i = 0;
        Snapshot s;
        while ((s = board.current()) == null || s.version() < 2) {
            x = x * 31 + i;
            if ((++i & 0xFFFF) == 0 && System.nanoTime() > deadline) {
                sink = x;
                return null;
            }
        }
        sink = x;
        return s;
    }

    /** Turns until the mailbox has a message: the message, or null at the deadline. */
    static int[] untilDelivered(Mailbox box, long deadline) {
        long x = 1;
        long i = 0;
        int[] m;
        while ((m = box.poll()) == null) {
            x = x * 31 + i;
            if ((++i & 0xFFFF) == 0 && System.nanoTime() > deadline) {
                sink = x;
                return null;
            }
        }
        sink = x;
        return m;
    }
}
