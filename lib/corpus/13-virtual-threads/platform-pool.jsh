// kind: bug
// bug_class: wrong kind of thread (a fixed platform pool)
// expect_fail: virtualAndConcurrent
// feedback: not virtual
// about: a pool of 64 platform threads instead of a virtual thread per task
// ==== cell 13-virtual-threads-4
class VirtualRunner implements BoundedRunner {
    private final Semaphore permits;

    VirtualRunner(int limit) {
        permits = new Semaphore(limit);
    }

    public <T> List<T> runAll(List<? extends Callable<? extends T>> tasks) throws InterruptedException, ExecutionException {
        List<Future<T>> futures = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(64)) {
            for (Callable<? extends T> task : tasks) {
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return task.call();
                    } finally {
                        permits.release(); // also when the task throws
                    }
                }));
            }
        } // close() waits for every task
        List<T> results = new ArrayList<>();
        ExecutionException first = null;
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                first = first == null ? e : first; // input order: the first failing position wins
            }
        }
        if (first != null) {
            throw first;
        }
        return results;
    }
}
