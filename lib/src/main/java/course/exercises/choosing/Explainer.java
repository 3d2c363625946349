package course.exercises.choosing;

import course.timing.SweepResult;

/** Explains a measured speedup on the machine that measured it. */
public interface Explainer {

    /**
     * The {@link Cause} of the gap between {@code predicted} (the speedup expected with a core per thread)
     * and what {@code result} measured for {@code variant} at {@code threads} threads against its baseline
     * (1 thread), decided by the order {@link Cause} gives.
     */
    Cause cause(SweepResult<Integer> result, String variant, int threads, double predicted);
}
