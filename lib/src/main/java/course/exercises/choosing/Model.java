package course.exercises.choosing;

/** The ways lesson 15 runs a batch of tasks. */
public enum Model {
    /** One task after another on the calling thread. */
    SEQUENTIAL,
    /** A fixed pool of platform threads ({@code Executors.newFixedThreadPool(n)}); {@link Plan#threads()} is n. */
    FIXED_POOL,
    /** A new platform thread per task. */
    PLATFORM_THREAD_PER_TASK,
    /** A virtual thread per task ({@code Executors.newVirtualThreadPerTaskExecutor()}). */
    VIRTUAL_THREADS,
    /** {@code CompletableFuture.supplyAsync} without an executor: the common pool, parallelism cores - 1 (at least 1). */
    COMMON_POOL,
    /** A pool of worker JVMs ({@code ProcessPool}); {@link Plan#threads()} is the number of workers. */
    PROCESS_POOL
}
