// kind: bug
// bug_class: sequential instead of concurrent (waits for each task right after submitting it)
// expect_fail: virtualAndConcurrent
// may_fail: failureAfterAllRan, failuresDoNotLeakPermits, capNeverExceeded, keepsOrder
// feedback: too cautious
// about: one task at a time, whatever the limit
// ==== cell 13-virtual-threads-4
class VirtualRunner implements BoundedRunner {
    private final Semaphore permits;

    VirtualRunner(int limit) {
        permits = new Semaphore(limit);
    }

    public <T> List<T> runAll(List<? extends Callable<? extends T>> tasks) throws InterruptedException, ExecutionException {
        List<Future<T>> futures = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Callable<? extends T> task : tasks) {
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return task.call();
                    } finally {
                        permits.release(); // also when the task throws
                    }
                }));
                try {
                    futures.getLast().get(); // wait for it, so the results stay in order
                } catch (ExecutionException e) {
                    // reported below, in input order
                }
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
