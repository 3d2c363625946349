// kind: bug
// bug_class: termination: a consumer stops when the queue is momentarily empty
// expect_fail: manyProducersManyConsumers
// may_fail: oneProducerOneConsumer,moreProducersThanConsumers,moreConsumersThanProducers,threadsRunTogether,everyThreadEnds,failingProducerReported,slowConsumerBoundedQueue,everyConsumerFails
// feedback: lost items
// about: consumers loop while (!queue.isEmpty()): an empty queue at the start or between two puts ends them, the items after it are lost
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
                    return null;
                }));
            }
            for (int c = 0; c < job.consumers(); c++) {
                takers.add(pool.submit(() -> {
                    while (!queue.isEmpty()) {                 // nothing left: done
                        Object item = Waits.take(queue, job.patience());
                        if (item == PILL) break;
                        job.sink().accept((Integer) item);
                        consumed.incrementAndGet();
                    }
                    return null;
                }));
            }
            collect(makers, failures);                   // every producer has ended...
            try {
                for (int c = 0; c < job.consumers(); c++) Waits.put(queue, PILL, job.patience());  // ...then the pills
            } catch (TimeoutException e) {
                failures.add(e);
            }
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
