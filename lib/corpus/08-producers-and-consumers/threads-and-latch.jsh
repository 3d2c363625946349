// kind: correct
// about: plain platform threads, a CountDownLatch counted down in finally, failures collected by the threads themselves
// ==== cell 08-producers-and-consumers-08
class MyPipeline implements Pipeline {
    private static final Object PILL = new Object();

    public Report run(Job job) throws InterruptedException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(job.capacity());
        AtomicInteger produced = new AtomicInteger(), consumed = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch producersDone = new CountDownLatch(job.producers());
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < job.producers(); p++) {
            int from = job.items() * p / job.producers(), to = job.items() * (p + 1) / job.producers();
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = from; i < to; i++) {
                        Waits.put(queue, job.source().make(i), job.patience());
                        produced.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.add(e);
                } finally {
                    producersDone.countDown();
                }
            }));
        }
        for (int c = 0; c < job.consumers(); c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (Object item; (item = Waits.take(queue, job.patience())) != PILL; ) {
                        job.sink().accept((Integer) item);
                        consumed.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }));
        }
        producersDone.await();
        try {
            for (int c = 0; c < job.consumers(); c++) Waits.put(queue, PILL, job.patience());
        } catch (TimeoutException e) {
            failures.add(e);
        }
        for (Thread t : threads) t.join();
        return new Report(produced.get(), consumed.get(), List.copyOf(failures));
    }
}
