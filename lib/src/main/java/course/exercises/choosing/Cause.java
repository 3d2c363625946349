package course.exercises.choosing;

/**
 * Why a measured speedup is what it is, compared with a prediction. Exactly one applies to a run; the
 * first that holds, in this order, is the answer:
 * <ol>
 *   <li>{@link #ONE_CPU}: the run had one CPU;</li>
 *   <li>{@link #MACHINE_BUSY}: other programs competed for the CPUs, as the course's {@code Verdict} of the run says;</li>
 *   <li>{@link #CANNOT_TELL}: the run was too short, had too few rounds, or its speedup is within noise
 *       (the {@code Verdict} is inconclusive);</li>
 *   <li>{@link #AS_PREDICTED}: the speedup is seen, and the prediction is at most the upper quartile of
 *       the per-round speedups (at least a quarter of the rounds reached it);</li>
 *   <li>{@link #SERIAL_FRACTION}: the speedup is seen, but the upper quartile stays below the prediction.</li>
 * </ol>
 */
public enum Cause {
    /** One CPU: threads take turns, so no speedup from threads can appear. */
    ONE_CPU,
    /** The machine was busy: other programs took CPU time, so the figure is not trusted. */
    MACHINE_BUSY,
    /** This run cannot tell: too short, too few rounds, or a figure within noise. */
    CANNOT_TELL,
    /** The measurement reaches the prediction. */
    AS_PREDICTED,
    /** Something ran serially: the speedup is real but stays below the prediction (Amdahl). */
    SERIAL_FRACTION
}
