package course.exercises.threads;

/** A counter that many threads increment at once; no increment may be lost. */
public interface Counter {
    /** Adds one. Safe to call from many threads at once. */
    void increment();

    /** The number of increments so far. */
    long get();
}
