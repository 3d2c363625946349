package course.exercises.memory;

/**
 * An immutable set of settings with a version: once a reader holds a snapshot, nothing it
 * returns ever changes. Implementations keep every field {@code final}.
 */
public interface Snapshot {

    /** The version it was published with. */
    int version();

    /** The value of {@code key}, or null if it has none. */
    String get(String key);

    /** How many settings it holds. */
    int size();
}
