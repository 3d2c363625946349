package course.process.tasks;

import course.process.WorkerTask;

/** Returns its input unchanged: the cheapest task, for measuring a pool's own overhead. */
public final class Echo implements WorkerTask {

    /** Creates the task (the worker does this once). */
    public Echo() {
    }

    @Override
    public String apply(String input) {
        return input;
    }
}
