// kind: correct
// about: no completion service: polls isDone every millisecond and cancels at the first failure
// ==== cell 05-pools-05
class OrderedMapper implements PoolMapper {
    public <T, R> List<R> map(ExecutorService pool, List<T> inputs, Function<? super T, ? extends R> f)
            throws InterruptedException, ExecutionException {
        List<Future<R>> futures = inputs.stream().map(in -> pool.submit(() -> (R) f.apply(in))).toList();
        try {
            boolean all;
            do {
                all = true;
                for (Future<R> future : futures) {
                    if (!future.isDone()) {
                        all = false;
                    } else if (future.state() == Future.State.FAILED) {
                        throw new ExecutionException(future.exceptionNow());
                    }
                }
                if (!all) {
                    Thread.sleep(1);
                }
            } while (!all);
        } catch (ExecutionException | InterruptedException e) {
            futures.forEach(future -> future.cancel(true));
            throw e;
        }
        return futures.stream().map(Future::resultNow).toList();
    }
}
