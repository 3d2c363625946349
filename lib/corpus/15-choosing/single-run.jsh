// kind: bug
// bug_class: one sample: a single run timed, warm-up included, no median
// expect_fail: meterRunsTheJob
// may_fail: meterAgreesWithGrader
// feedback: a single run is not a measurement
// about: Stopwatch around one run: the cold start and the noise of one sample are the figure
// ==== cell 15-choosing-14
class MyMeter implements Meter {
    public Spread millis(IoJob job) throws Exception {
        long start = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(job.concurrency())) {
            for (int i = 0; i < job.tasks(); i++) {
                int task = i;
                pool.submit(() -> { job.run(task); return null; });
            }
        }
        double ms = (System.nanoTime() - start) / 1e6;
        return Stats.spread(ms);
    }
}
