// kind: correct
// about: no pills: consumers poll in short slices and stop at an empty poll that started after the producers were all done
// ==== cell 08-producers-and-consumers-08
class MyPipeline implements Pipeline {
    public Report run(Job job) throws InterruptedException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(job.capacity());
        AtomicInteger produced = new AtomicInteger(), consumed = new AtomicInteger();
        AtomicBoolean over = new AtomicBoolean();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        try (var makers = Executors.newFixedThreadPool(job.producers());
             var takers = Executors.newFixedThreadPool(job.consumers())) {
            for (int c = 0; c < job.consumers(); c++) {
                takers.execute(() -> {
                    try {
                        long idleSince = System.nanoTime();
                        while (true) {
                            boolean done = over.get();           // read before polling: nothing comes after it
                            Object item = queue.poll(10, TimeUnit.MILLISECONDS);
                            if (item != null) {
                                job.sink().accept((Integer) item);
                                consumed.incrementAndGet();
                                idleSince = System.nanoTime();
                            } else if (done) {
                                return;
                            } else if (System.nanoTime() - idleSince > job.patience().toNanos()) {
                                throw new TimeoutException("no item for " + job.patience().toMillis() + " ms");
                            }
                        }
                    } catch (Exception e) {
                        failures.add(e);
                    }
                });
            }
            List<Callable<Void>> work = new ArrayList<>();
            for (int p = 0; p < job.producers(); p++) {
                int from = (int) ((long) job.items() * p / job.producers());
                int to = (int) ((long) job.items() * (p + 1) / job.producers());
                work.add(() -> {
                    for (int i = from; i < to; i++) {
                        Waits.put(queue, job.source().make(i), job.patience());
                        produced.incrementAndGet();
                    }
                    return null;
                });
            }
            for (Future<Void> f : makers.invokeAll(work)) {
                try { f.get(); } catch (ExecutionException e) { failures.add(e.getCause()); }
            }
            over.set(true);
        }
        return new Report(produced.get(), consumed.get(), List.copyOf(failures));
    }
}
