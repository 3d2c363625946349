package course.exercises.vthreads;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Runs many blocking tasks, each on its own virtual thread, with at most {@code limit} of them
 * running at once. The implementing class takes the limit in its constructor
 * ({@code new VirtualRunner(8)}) and can be used for several batches, one after another.
 */
public interface BoundedRunner {
    /**
     * Runs every task on a virtual thread of its own, never more than the limit at the same time,
     * waits for all of them and returns their results in input order. If tasks fail, every task
     * still runs to its end; then an {@link ExecutionException} whose cause is the failure of the
     * first failing task (in input order) is thrown. A failing task gives its place back, so the
     * next batch can again run {@code limit} tasks at once.
     */
    <T> List<T> runAll(List<? extends Callable<? extends T>> tasks) throws InterruptedException, ExecutionException;
}
