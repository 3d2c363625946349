// kind: bug
// bug_class: order violation: currentTimeMillis around an async call that returns before the work is done
// expect_fail: meterRunsTheJob
// may_fail: meterAgreesWithGrader
// feedback: timed before the work ended
// about: runAsync for every task, the clock read without joining the futures
// ==== cell 15-choosing-14
class MyMeter implements Meter {
    public Spread millis(IoJob job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(job.concurrency());
        try {
            List<Double> times = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                long start = System.currentTimeMillis();
                for (int i = 0; i < job.tasks(); i++) {
                    int task = i;
                    CompletableFuture.runAsync(() -> {
                        try { job.run(task); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                    }, pool);
                }
                long end = System.currentTimeMillis();          // the futures are not done yet
                if (round > 0) times.add((double) (end - start));
            }
            return Stats.spread(times);
        } finally {
            pool.shutdown();
        }
    }
}
