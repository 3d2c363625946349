// kind: correct
// about: a completion service over its own queue, results placed by index into an array
// ==== cell 05-pools-05
class OrderedMapper implements PoolMapper {
    public <T, R> List<R> map(ExecutorService pool, List<T> inputs, Function<? super T, ? extends R> f)
            throws InterruptedException, ExecutionException {
        BlockingQueue<Future<Map.Entry<Integer, R>>> finished = new LinkedBlockingQueue<>();
        var completion = new ExecutorCompletionService<Map.Entry<Integer, R>>(pool, finished);
        List<Future<Map.Entry<Integer, R>>> futures = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            futures.add(completion.submit(() -> Map.entry(index, (R) f.apply(inputs.get(index)))));
        }
        Object[] results = new Object[inputs.size()];
        try {
            for (int n = 0; n < inputs.size(); n++) {
                Map.Entry<Integer, R> e = finished.take().get();
                results[e.getKey()] = e.getValue();
            }
        } catch (ExecutionException | InterruptedException e) {
            for (var future : futures) {
                future.cancel(true);
            }
            throw e;
        }
        List<R> out = new ArrayList<>();
        for (Object r : results) {
            out.add((R) r);
        }
        return out;
    }
}
