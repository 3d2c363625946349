package course.exercises.choosing;

import course.timing.Spread;

/** Measures a job's wall time honestly. */
public interface Meter {

    /**
     * The wall time, in milliseconds, of one run of {@code job}: all its tasks, at most
     * {@link IoJob#concurrency()} at once, every one finished when the run ends. Measured over several
     * rounds after a warm-up; the median and spread of the rounds, as {@code SweepResult.spread} reports them
     * (at least 3 rounds).
     */
    Spread millis(IoJob job) throws Exception;
}
