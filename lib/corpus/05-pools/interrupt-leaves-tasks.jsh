// kind: bug
// bug_class: interruption ignored (an interrupted caller leaves its tasks running)
// expect_fail: interruptedCallerCancels
// feedback: interrupted
// about: cancels on a task failure, but not when the waiting caller is interrupted
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
        } catch (ExecutionException e) {
            futures.forEach(future -> future.cancel(true));
            throw e;
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
