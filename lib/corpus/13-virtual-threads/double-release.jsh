// kind: bug
// bug_class: permits double-released (released after the call and again in finally)
// expect_fail: capNeverExceeded
// may_fail: failuresDoNotLeakPermits
// feedback: limit exceeded
// about: every successful task gives back two permits: the limit grows with every task
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
                        T result = task.call();
                        permits.release();
                        return result;
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
