// kind: bug
// bug_class: order violation (the failure that completes first wins)
// expect_fail: failureAfterAllRan
// feedback: first failure in input order
// about: records the first failure as the tasks fail, not in input order
// ==== cell 13-virtual-threads-4
class VirtualRunner implements BoundedRunner {
    private final Semaphore permits;

    VirtualRunner(int limit) {
        permits = new Semaphore(limit);
    }

    public <T> List<T> runAll(List<? extends Callable<? extends T>> tasks) throws InterruptedException, ExecutionException {
        List<Future<T>> futures = new ArrayList<>();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Callable<? extends T> task : tasks) {
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        try {
                            return task.call();
                        } catch (Exception e) {
                            firstFailure.compareAndSet(null, e);
                            throw e;
                        }
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
        if (firstFailure.get() != null) {
            throw new ExecutionException(firstFailure.get());
        }
        return results;
    }
}
