package course.exercises.threads;

/** Sums an array with N platform threads started with the Thread API, one contiguous chunk each. */
public interface ParallelSum {
    /**
     * The sum of {@code values}, computed by {@code threads} threads over chunks that cover the
     * array exactly (no element skipped or counted twice); all threads are joined before returning.
     */
    long sum(long[] values, int threads) throws InterruptedException;
}
