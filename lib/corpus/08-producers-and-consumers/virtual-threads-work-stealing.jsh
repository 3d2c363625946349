// kind: correct
// about: a virtual thread per task and an AtomicInteger handing out indexes instead of fixed ranges
// ==== cell 08-producers-and-consumers-08
class MyPipeline implements Pipeline {
    private static final Object PILL = new Object();   // no source makes this item

    public Report run(Job job) throws InterruptedException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(job.capacity());
        AtomicInteger produced = new AtomicInteger(), consumed = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> makers = new ArrayList<>(), takers = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();       // producers steal indexes
            for (int p = 0; p < job.producers(); p++) {
                makers.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < job.items(); ) {
                        Waits.put(queue, job.source().make(i), job.patience());
                        produced.incrementAndGet();
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
