// kind: bug
// bug_class: termination: one pill per producer (consumers stop while others still produce)
// expect_fail: moreConsumersThanProducers
// may_fail: oneProducerOneConsumer,manyProducersManyConsumers,moreProducersThanConsumers,threadsRunTogether,everyThreadEnds,failingProducerReported,slowConsumerBoundedQueue,everyConsumerFails
// feedback: nothing failed, yet run reported
// about: each producer sends a pill when it ends: with fewer producers than consumers some consumers never get one; with more, consumers stop early
// ==== cell 08-producers-and-consumers-08
class MyPipeline implements Pipeline {
    private static final Object PILL = new Object();   // no source makes this item

    public Report run(Job job) throws InterruptedException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(job.capacity());
        AtomicInteger produced = new AtomicInteger(), consumed = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try (var pool = Executors.newFixedThreadPool(job.producers() + job.consumers())) {
            List<Future<?>> makers = new ArrayList<>(), takers = new ArrayList<>();
            for (int p = 0; p < job.producers(); p++) {
                int from = (int) ((long) job.items() * p / job.producers());
                int to = (int) ((long) job.items() * (p + 1) / job.producers());
                makers.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        Waits.put(queue, job.source().make(i), job.patience());
                        produced.incrementAndGet();
                    }
                    Waits.put(queue, PILL, job.patience());   // this producer is done
                    return null;
                }));
            }
            for (int c = 0; c < job.consumers(); c++) {
                takers.add(pool.submit(() -> {
                    for (Object item; (item = Waits.take(queue, job.patience())) != PILL; ) {
                        job.sink().accept((Integer) item);
                        consumed.incrementAndGet();
                    }
                    return null;
                }));
            }
            collect(makers, failures);                   // every producer has ended...
            collect(takers, failures);
        }
        return new Report(produced.get(), consumed.get(), List.copyOf(failures));
    }

    private static void collect(List<Future<?>> futures, List<Throwable> failures) throws InterruptedException {
        for (Future<?> f : futures) {
            try { f.get(); } catch (ExecutionException e) { failures.add(e.getCause()); }
        }
    }
}
