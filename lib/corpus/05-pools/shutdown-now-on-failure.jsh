// kind: bug
// bug_class: resource misuse on the failure path (shuts down the caller's pool)
// expect_fail: poolStaysOpen
// feedback: shut down the caller's pool
// about: shutdownNow interrupts the tasks, but the pool belongs to the caller
// ==== cell 05-pools-05
class OrderedMapper implements PoolMapper {
    public <T, R> List<R> map(ExecutorService pool, List<T> inputs, Function<? super T, ? extends R> f)
            throws InterruptedException, ExecutionException {
        var completion = new ExecutorCompletionService<R>(pool);
        List<Future<R>> futures = new ArrayList<>();
        for (T input : inputs) {
            futures.add(completion.submit(() -> f.apply(input)));
        }
        try {
            for (int done = 0; done < futures.size(); done++) {
                completion.take().get();
            }
        } catch (ExecutionException | InterruptedException e) {
            pool.shutdownNow(); // stop everything at once
            throw e;
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
