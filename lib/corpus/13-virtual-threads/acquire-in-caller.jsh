// kind: correct
// about: the caller takes the permit before starting each virtual thread; the task gives it back
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
                permits.acquire(); // wait here until one of the running tasks is done
                futures.add(executor.submit(() -> {
                    try {
                        return task.call();
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get()); // all done: the first failure in input order throws
        }
        return results;
    }
}
