// kind: bug
// bug_class: not fail-fast (waits for the futures in input order)
// expect_fail: failureCancelsRest
// feedback: not fail-fast
// about: future 0 is slow, so the failure of future 1 is seen only after it
// ==== cell 05-pools-05
class OrderedMapper implements PoolMapper {
    public <T, R> List<R> map(ExecutorService pool, List<T> inputs, Function<? super T, ? extends R> f)
            throws InterruptedException, ExecutionException {
        List<Future<R>> futures = new ArrayList<>();
        for (T input : inputs) {
            futures.add(pool.submit(() -> f.apply(input)));
        }
        List<R> results = new ArrayList<>();
        try {
            for (Future<R> future : futures) {
                results.add(future.get());
            }
        } catch (ExecutionException | InterruptedException e) {
            futures.forEach(future -> future.cancel(true));
            throw e;
        }
        return results;
    }
}
