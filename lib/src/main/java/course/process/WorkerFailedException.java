package course.process;

/**
 * A worker JVM died (exit, crash, out of memory) or hung (task timeout) while running one input.
 * Only that input fails; the pool replaces the worker.
 */
public final class WorkerFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long pid;
    private final String input;
    private final String reason;

    /** A failure of worker {@code pid} on {@code input}, for {@code reason}. */
    public WorkerFailedException(long pid, String input, String reason) {
        super("worker JVM pid " + pid + " failed on input '" + Lines.brief(input, 80) + "': " + reason);
        this.pid = pid;
        this.input = input;
        this.reason = reason;
    }

    /** The process id of the worker that failed. */
    public long pid() {
        return pid;
    }

    /** The input it was working on. */
    public String input() {
        return input;
    }

    /** What happened, e.g. "exited with code 3" or "no answer within 2000 ms, killed". */
    public String reason() {
        return reason;
    }
}
