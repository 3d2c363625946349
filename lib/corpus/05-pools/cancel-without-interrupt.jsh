// kind: bug
// bug_class: cancellation ignored (cancel(false) does not stop running tasks)
// expect_fail: failureCancelsRest, interruptedCallerCancels
// feedback: not cancelled
// about: cancel(false) only removes tasks that have not started; running ones finish
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
            futures.forEach(future -> future.cancel(false)); // don't interrupt anyone
            throw e;
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
