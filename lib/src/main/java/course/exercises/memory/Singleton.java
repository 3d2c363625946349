package course.exercises.memory;

/**
 * Hands out the program's one {@link Service}. The implementing class has a constructor without
 * parameters; every object of it returns the same {@code Service}.
 *
 * <p>The service is created lazily, on the first call of {@link #instance()} (not when the class
 * is loaded or an object made), exactly once even when many threads make that first call at the
 * same time, and every caller gets it fully built. After the first call, {@code instance()} takes
 * no lock.
 */
public interface Singleton {

    /** The one {@link Service}, created on the first call. */
    Service instance();
}
