// kind: bug
// bug_class: limit exceeded (no limit at all)
// expect_fail: capNeverExceeded
// feedback: limit exceeded
// about: one virtual thread per task, and nothing else
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
                    return task.call();
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
