// kind: correct
// about: tasks count down a latch and record the first failure; the caller waits on the latch
// ==== cell 05-pools-05
class OrderedMapper implements PoolMapper {
    public <T, R> List<R> map(ExecutorService pool, List<T> inputs, Function<? super T, ? extends R> f)
            throws InterruptedException, ExecutionException {
        CountDownLatch done = new CountDownLatch(inputs.size());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Future<R>> futures = new ArrayList<>();
        for (T input : inputs) {
            futures.add(pool.submit(() -> {
                try {
                    return f.apply(input);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    while (done.getCount() > 0) {
                        done.countDown(); // wake the caller now
                    }
                    throw e;
                } finally {
                    done.countDown();
                }
            }));
        }
        try {
            done.await();
        } finally {
            if (failure.get() != null || Thread.currentThread().isInterrupted() || done.getCount() > 0) {
                futures.forEach(future -> future.cancel(true));
            }
        }
        if (failure.get() != null) {
            throw new ExecutionException(failure.get());
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
