package course.process;

/**
 * A task's {@code apply} threw an exception in a worker JVM. The worker is fine and keeps working;
 * the message holds the remote stack trace as text.
 */
public final class TaskFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long pid;
    private final String input;
    private final String remoteStackTrace;

    /** The task failed on {@code input} in worker {@code pid}, with the given remote stack trace. */
    public TaskFailedException(long pid, String input, String remoteStackTrace) {
        super("task failed on input '" + Lines.brief(input, 80) + "' in worker JVM pid " + pid + ": "
                + remoteStackTrace);
        this.pid = pid;
        this.input = input;
        this.remoteStackTrace = remoteStackTrace;
    }

    /** The process id of the worker that ran the task. */
    public long pid() {
        return pid;
    }

    /** The input the task failed on. */
    public String input() {
        return input;
    }

    /** The exception's stack trace as printed in the worker. */
    public String remoteStackTrace() {
        return remoteStackTrace;
    }
}
