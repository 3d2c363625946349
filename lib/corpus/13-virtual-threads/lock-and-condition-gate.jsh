// kind: correct
// about: a hand-made gate (a counter under a ReentrantLock with a condition) instead of a Semaphore
// ==== cell 13-virtual-threads-4
class VirtualRunner implements BoundedRunner {
    private final int limit;
    private int running;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();

    VirtualRunner(int limit) {
        this.limit = limit;
    }

    public <T> List<T> runAll(List<? extends Callable<? extends T>> tasks) throws InterruptedException, ExecutionException {
        List<Future<T>> futures = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Callable<? extends T> task : tasks) {
                futures.add(executor.submit(() -> {
                    enter();
                    try {
                        return task.call();
                    } finally {
                        leave();
                    }
                }));
            }
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private void enter() throws InterruptedException {
        lock.lock();
        try {
            while (running == limit) {
                room.await();
            }
            running++;
        } finally {
            lock.unlock();
        }
    }

    private void leave() {
        lock.lock();
        try {
            running--;
            room.signal();
        } finally {
            lock.unlock();
        }
    }
}
