package course.exercises.memory;

import java.util.Map;

/**
 * Publishes settings to reader threads: one writer calls {@link #publish}, any number of readers
 * call {@link #current()} at any time, in hot loops, without taking a lock. The implementing class
 * has a constructor without parameters.
 *
 * <p>A reader sees either the previous snapshot or the new one, fully built (never a half-built
 * snapshot), and sees the new one soon after {@code publish} returns. A snapshot never changes
 * after it was published, whatever happens later to the map it was made from.
 */
public interface Board {

    /** Makes a snapshot of {@code settings} with {@code version} the current one. */
    void publish(int version, Map<String, String> settings);

    /** The snapshot published last, or null before the first {@code publish}. */
    Snapshot current();
}
