// kind: bug
// bug_class: wrong failure reported (the ExecutionException wrapped in another)
// expect_fail: throwsFirstFailure
// feedback: the cause should be the first failure
// about: the cause the caller sees is an ExecutionException, not the task's exception
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
        } catch (InterruptedException e) {
            futures.forEach(future -> future.cancel(true));
            throw e;
        } catch (ExecutionException e) {
            futures.forEach(future -> future.cancel(true));
            throw new ExecutionException("map failed", e);
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
