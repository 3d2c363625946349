package course.exercises.executors;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

/**
 * A thread pool configured for a service. The implementing class has a constructor taking the
 * {@link Settings}, {@code new MyServicePool(settings)}, which may start the threads at once or later.
 *
 * <ul>
 *   <li>At most {@link Settings#threads()} threads are ever alive, named {@code name-1}, {@code name-2}, ...;
 *       when enough tasks wait, all of them run tasks at the same time.</li>
 *   <li>At most {@link Settings#queueCapacity()} accepted tasks wait for a thread. A {@link #submit} that
 *       finds no room waits for room at most {@link Settings#submitTimeout()}, then throws a
 *       {@link java.util.concurrent.RejectedExecutionException}: a task is never dropped silently, and a
 *       task submitted from outside the pool never runs on the submitting thread.</li>
 *   <li>Every accepted task runs exactly once, or is reported by {@link #shutdown} as not run.</li>
 *   <li>An exception a task throws reaches its {@code Future} and {@link #failures()}, even when nobody
 *       calls {@code get}.</li>
 *   <li>While a task runs, {@link #context()} in its thread is the context it was submitted with; it never
 *       leaks into another task, even when the task throws.</li>
 *   <li>A task may submit subtasks to the same pool and wait for them with {@code Future.get}: this never
 *       deadlocks, even when every thread of the pool does it and the queue is full (a submit from one of
 *       the pool's own threads never waits for room).</li>
 * </ul>
 */
public interface ServicePool {

    /**
     * How the pool is built.
     *
     * @param name          the prefix of the threads' names ({@code name-1}, {@code name-2}, ...)
     * @param threads       the most threads ever alive (at least 1)
     * @param queueCapacity the most accepted tasks that wait for a thread (at least 1)
     * @param submitTimeout the longest a submit waits for room in a full pool
     */
    record Settings(String name, int threads, int queueCapacity, Duration submitTimeout) {
    }

    /**
     * What {@link #shutdown} did.
     *
     * @param notRun     the tasks (as passed to {@link #submit}) that were accepted but never started
     * @param terminated true if every thread of the pool had ended when shutdown returned
     */
    record ShutdownReport(List<Callable<?>> notRun, boolean terminated) {
    }

    /**
     * Accepts {@code task} to run on one of the pool's threads with {@code context} (null: none). If the
     * pool is full, waits for room at most the submit timeout; a task submitted by one of the pool's own
     * threads runs in that thread at once instead of waiting.
     *
     * @throws java.util.concurrent.RejectedExecutionException when there was no room within the timeout,
     *         or the pool is shut down, with a message that says which
     * @throws InterruptedException if the submitting thread is interrupted while it waits for room
     */
    <T> Future<T> submit(String context, Callable<T> task) throws InterruptedException;

    /** The context of the task running in the calling thread; empty outside a task and for a task without one. */
    Optional<String> context();

    /** Every exception a task of this pool has thrown so far, whether or not anyone called {@code get}. */
    List<Throwable> failures();

    /**
     * Refuses new tasks, lets the running and queued tasks finish for at most {@code grace}, then cancels
     * the tasks that never started (their futures are cancelled and they are reported) and interrupts the
     * running ones; waits at most {@code grace} again for the threads to end.
     */
    ShutdownReport shutdown(Duration grace) throws InterruptedException;
}
