// kind: bug
// bug_class: sequential instead of concurrent (waits for each task before submitting the next)
// expect_fail: runsConcurrentlyOnPool
// may_fail: failureCancelsRest, interruptedCallerCancels
// feedback: secretly sequential
// about: the pool never has more than one task
// ==== cell 05-pools-05
class OrderedMapper implements PoolMapper {
    public <T, R> List<R> map(ExecutorService pool, List<T> inputs, Function<? super T, ? extends R> f)
            throws InterruptedException, ExecutionException {
        List<R> results = new ArrayList<>();
        for (T input : inputs) {
            Future<R> future = pool.submit(() -> f.apply(input));
            results.add(future.get());
        }
        return results;
    }
}
