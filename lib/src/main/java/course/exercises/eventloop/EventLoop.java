package course.exercises.eventloop;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A single-threaded event loop, the core of asyncio: one platform thread, started by the constructor and named
 * {@link Setup#threadName()}, runs every task, every timer and every completion handed to it, one at a time. The
 * implementing class has a constructor taking a {@link Setup}: {@code new MyEventLoop(setup)}.
 *
 * <ul>
 *   <li>{@link #execute} runs tasks in the order they were submitted, never inside the caller (not even when the
 *       caller is the loop thread itself);</li>
 *   <li>{@link #scheduleAt} runs a timer once {@code System.nanoTime()} has reached its deadline, never earlier; due
 *       timers run in deadline order, equal deadlines in the order they were scheduled;</li>
 *   <li>{@link #onLoop} moves a completion that happens on another thread onto the loop thread;</li>
 *   <li>a task that throws is reported to {@link Listener#failed} and the loop goes on;</li>
 *   <li>a task that runs longer than {@link Setup#blockLimit()} (from its start to its end; waiting in the queue does
 *       not count) is reported to {@link Listener#blocked} by its name, once;</li>
 *   <li>while nothing is due the loop thread waits (it uses no CPU) and wakes up at once for new work;</li>
 *   <li>{@link #close} runs what is due, cancels the rest and returns after the loop thread has ended.</li>
 * </ul>
 * Every method may be called from any thread.
 */
public interface EventLoop extends AutoCloseable {

    /** Hears what the loop reports; its methods may be called from any thread. */
    interface Listener {
        /** The task named {@code task} threw {@code error}; the loop went on. */
        void failed(String task, Throwable error);

        /** The task named {@code task} ran for {@code ran}, longer than the block limit: it blocked the loop. */
        void blocked(String task, Duration ran);
    }

    /**
     * How to build a loop.
     *
     * @param threadName the name of the loop's thread
     * @param blockLimit a task running longer than this is reported as blocking the loop
     * @param listener   hears failures and blocking tasks
     */
    record Setup(String threadName, Duration blockLimit, Listener listener) {
    }

    /** Runs {@code task} on the loop thread after every task submitted before it; after close(): RejectedExecutionException. */
    void execute(String name, Runnable task);

    /**
     * Runs {@code task} on the loop thread once {@code System.nanoTime() - deadline >= 0}, never earlier. Returns a
     * future that completes on the loop thread when the task has run (exceptionally with what it threw), or is
     * cancelled by {@link #close} if the deadline had not come. After close(): RejectedExecutionException.
     */
    CompletableFuture<Void> scheduleAt(String name, long deadline, Runnable task);

    /** {@link #scheduleAt} with the deadline {@code delay} from now. */
    default CompletableFuture<Void> schedule(String name, Duration delay, Runnable task) {
        return scheduleAt(name, System.nanoTime() + delay.toNanos(), task);
    }

    /**
     * A future that completes with the outcome of {@code elsewhere} (its value or its exception), completed on the
     * loop thread whatever thread completes {@code elsewhere}: callbacks attached to it before then run on the loop.
     */
    <T> CompletableFuture<T> onLoop(CompletionStage<T> elsewhere);

    /**
     * Stops the loop: no new work is accepted; every task submitted with {@link #execute} before and every timer whose
     * deadline has come still runs; the other timers' futures are cancelled; returns after the loop thread has ended.
     * A second call does nothing.
     */
    @Override
    void close();
}
