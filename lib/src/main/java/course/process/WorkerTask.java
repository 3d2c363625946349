package course.process;

/**
 * A task that a {@link ProcessPool} runs in a worker JVM: text in, text out. The class needs a
 * public no-argument constructor; the worker creates one instance and calls {@link #apply} for
 * every input it is given, one at a time.
 *
 * <pre>{@code
 * public class Square implements WorkerTask {
 *     public String apply(String input) {
 *         long n = Long.parseLong(input.strip());
 *         return Long.toString(n * n);
 *     }
 * }
 * }</pre>
 *
 * <p>Anything the task prints with {@code System.out} goes to the worker's standard error, because
 * standard output carries the pool's messages.
 */
@FunctionalInterface
public interface WorkerTask {

    /** Computes the answer for one input; an exception fails this input only. */
    String apply(String input) throws Exception;
}
