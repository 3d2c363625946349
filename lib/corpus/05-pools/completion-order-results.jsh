// kind: bug
// bug_class: order violation (results collected in completion order)
// expect_fail: keepsOrder
// feedback: order not kept
// about: take() hands back whichever task finished first
// ==== cell 05-pools-05
class OrderedMapper implements PoolMapper {
    public <T, R> List<R> map(ExecutorService pool, List<T> inputs, Function<? super T, ? extends R> f)
            throws InterruptedException, ExecutionException {
        var completion = new ExecutorCompletionService<R>(pool);
        List<Future<R>> futures = new ArrayList<>();
        for (T input : inputs) {
            futures.add(completion.submit(() -> f.apply(input)));
        }
        List<R> results = new ArrayList<>();
        try {
            for (int done = 0; done < futures.size(); done++) {
                results.add(completion.take().get());
            }
        } catch (ExecutionException | InterruptedException e) {
            futures.forEach(future -> future.cancel(true));
            throw e;
        }
        return results;
    }
}
