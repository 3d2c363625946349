package course.workers;

import course.process.WorkerTask;

/**
 * A {@link WorkerTask} that reports which worker process ran each input and how many inputs that
 * worker has seen: {@code "input a: pid 4242, call 3"}. The count lives in the task object, so each
 * worker JVM has its own (separate heaps: nothing is shared unless you share it on purpose).
 */
public final class WhoAmI implements WorkerTask {

    private int calls;

    /** Creates the task (a pool worker does this once). */
    public WhoAmI() {
    }

    @Override
    public String apply(String input) {
        calls++;
        return "input " + input.strip() + ": pid " + ProcessHandle.current().pid() + ", call " + calls;
    }
}
