// kind: bug
// bug_class: order violation (results in completion order)
// expect_fail: keepsOrder
// feedback: order not kept
// about: each task adds its result to a shared list when it finishes
// ==== cell 13-virtual-threads-4
class VirtualRunner implements BoundedRunner {
    private final Semaphore permits;

    VirtualRunner(int limit) {
        permits = new Semaphore(limit);
    }

    public <T> List<T> runAll(List<? extends Callable<? extends T>> tasks) throws InterruptedException, ExecutionException {
        List<T> results = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> futures = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Callable<? extends T> task : tasks) {
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        results.add(task.call());
                        return null;
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        for (Future<?> future : futures) {
            future.get(); // the first failure in input order is thrown here
        }
        return results;
    }
}
