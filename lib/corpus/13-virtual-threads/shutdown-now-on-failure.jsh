// kind: bug
// bug_class: cancellation where none is asked for (the other tasks are stopped at the first failure)
// expect_fail: failureAfterAllRan
// may_fail: failuresDoNotLeakPermits
// feedback: a failure must not stop the others
// about: waits for the futures inside the try and shuts the executor down when one fails
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
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    executor.shutdownNow(); // no point running the rest
                    throw e;
                }
            }
            return results;
        }
    }
}
