package course.exercises.stresstest;

/** A counter shared by threads: every {@code increment} counts once, {@code get} is the count so far. */
public interface Counter {
    /** Adds one. */
    void increment();

    /** The number of increments so far: never more than the increments that have started, never going down. */
    long get();
}
