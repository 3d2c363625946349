package course.exercises.pools;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/** Maps a function over inputs on a given pool, keeping input order and failing fast. */
public interface PoolMapper {
    /**
     * Applies {@code f} to every input as a task on {@code pool} (all submitted before waiting)
     * and returns the results in input order. When a task fails, the remaining tasks are
     * cancelled (interrupted) and an {@link ExecutionException} whose cause is the first failure
     * is thrown at once, without waiting for slow tasks. The pool is not shut down: it belongs to
     * the caller.
     */
    <T, R> List<R> map(ExecutorService pool, List<T> inputs, Function<? super T, ? extends R> f)
            throws InterruptedException, ExecutionException;
}
