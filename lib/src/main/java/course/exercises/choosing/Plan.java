package course.exercises.choosing;

import java.util.Objects;

/**
 * A choice of how to run a workload: the model and, for {@link Model#FIXED_POOL} and {@link Model#PROCESS_POOL},
 * how many threads (workers). Other models ignore {@code threads}.
 *
 * @param model   how the tasks run
 * @param threads the pool's size, where the model has one
 */
public record Plan(Model model, int threads) {

    public Plan {
        Objects.requireNonNull(model, "model: name one of " + java.util.Arrays.toString(Model.values()));
        if (threads < 0) {
            throw new IllegalArgumentException("a pool cannot have " + threads + " threads");
        }
    }

    /** A plan with no pool size (a thread per task, virtual threads, the common pool, sequential). */
    public static Plan of(Model model) {
        return new Plan(model, 0);
    }

    /** A pool of {@code threads} threads (or worker processes). */
    public static Plan pool(Model model, int threads) {
        return new Plan(model, threads);
    }
}
