// kind: bug
// bug_class: cancellation missing (the other tasks run on after a failure)
// expect_fail: failureCancelsRest, interruptedCallerCancels
// feedback: not cancelled
// about: fail-fast for the caller, but the remaining tasks keep the pool busy
// ==== cell 05-pools-05
class OrderedMapper implements PoolMapper {
    public <T, R> List<R> map(ExecutorService pool, List<T> inputs, Function<? super T, ? extends R> f)
            throws InterruptedException, ExecutionException {
        var completion = new ExecutorCompletionService<R>(pool);
        List<Future<R>> futures = new ArrayList<>();
        for (T input : inputs) {
            futures.add(completion.submit(() -> f.apply(input)));
        }
        for (int done = 0; done < futures.size(); done++) {
            completion.take().get();
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
