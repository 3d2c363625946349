package course.exercises.memory;

/**
 * A flag one thread raises and another thread polls in a busy loop. The implementing class has a
 * constructor without parameters.
 *
 * <p>Once {@link #stop()} has returned, every later {@link #isStopped()} in any thread returns
 * true, including a thread that has been calling it millions of times in a hot loop.
 */
public interface StopFlag {

    /** Raises the flag; may be called more than once. */
    void stop();

    /** True once {@link #stop()} was called, seen by every thread. */
    boolean isStopped();
}
