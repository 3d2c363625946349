package course.exercises.choosing;

import java.time.Duration;
import java.util.Objects;

/**
 * A batch of tasks to run, and the machine and limits it runs under.
 *
 * @param kind        whether a task computes or waits
 * @param tasks       how many tasks
 * @param each        how long one task takes alone: CPU time for {@link Kind#CPU}, waiting for {@link Kind#IO}
 * @param cores       the machine's cores
 * @param deadline    the whole batch should be done within this
 * @param threadLimit the most platform threads the program may start (each reserves a stack: lesson 15, memory per thread)
 */
public record Workload(Kind kind, int tasks, Duration each, int cores, Duration deadline, int threadLimit) {

    /** What a task does with its time. */
    public enum Kind {
        /** It computes: it needs a core all the time it runs. */
        CPU,
        /** It waits (network, disk, sleep): it needs a thread but hardly a core. */
        IO
    }

    public Workload {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(each, "each");
        Objects.requireNonNull(deadline, "deadline");
        if (tasks < 0 || cores < 1 || threadLimit < 1) {
            throw new IllegalArgumentException("a workload needs tasks >= 0, cores >= 1 and threadLimit >= 1, not "
                    + tasks + ", " + cores + ", " + threadLimit);
        }
    }
}
