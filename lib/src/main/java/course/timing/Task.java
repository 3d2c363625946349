package course.timing;

/**
 * One variant of the work a {@link Sweep} measures.
 *
 * <p>Return what the work computed: the sweep hands it to {@link Sink#consume(Object)} so the JIT
 * cannot skip the work. Use {@code size} as the amount of work (the sweep may shrink it to fit its
 * time budget), and {@code value} as the swept parameter (e.g. a thread count).
 *
 * @param <P> the parameter's type ({@code Void} in a {@link Sweep#compare()})
 */
@FunctionalInterface
public interface Task<P> {

    /** Does the work once for this parameter value and problem size. */
    Object run(P value, int size) throws Exception;
}
