// kind: bug
// bug_class: failure not reported (a producer's exception caught and logged)
// expect_fail: failingProducerReported
// may_fail: everyConsumerFails
// feedback: failure not reported
// about: the producer catches its own exception so the future completes normally and the Report never hears of it
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
                    try {
                        for (int i = from; i < to; i++) {
                            Waits.put(queue, job.source().make(i), job.patience());
                            produced.incrementAndGet();
                        }
                    } catch (Exception e) {
                        System.err.println("producer stopped: " + e);   // logged, not reported
                    }
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
