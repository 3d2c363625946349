package course.exercises.choosing;

/** Chooses how to run a workload, from what its tasks do and the machine it runs on. */
public interface Chooser {

    /**
     * A plan for {@code work}: for CPU-bound tasks one that keeps every core busy and no more; for waiting
     * tasks one that finishes the batch by its deadline without more platform threads than its limit allows.
     * No task needs to be isolated in a process of its own.
     */
    Plan choose(Workload work);
}
