package course.exercises.liveness;

import java.util.Set;

/**
 * A diagnosis of one misbehaving program.
 *
 * @param bug   what is wrong
 * @param locks the locks involved, named as the shift's report names them ({@code "DepotV1.someLock"} or
 *              just {@code "someLock"}); exactly those involved, no others
 */
public record Finding(BugClass bug, Set<String> locks) {

    /** Copies the set (null becomes empty). */
    public Finding {
        locks = locks == null ? Set.of() : Set.copyOf(locks);
    }
}
