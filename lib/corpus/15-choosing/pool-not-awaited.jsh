// kind: bug
// bug_class: missing join: the clock stops when the tasks are handed over, not when they finish
// expect_fail: meterRunsTheJob
// may_fail: meterAgreesWithGrader
// feedback: timed before the work ended
// about: shutdown() without awaitTermination: the pool is still waiting when the round's time is taken
// ==== cell 15-choosing-14
class MyMeter implements Meter {
    public Spread millis(IoJob job) throws Exception {
        SweepResult<Void> r = Sweep.compare()
            .task("job", (v, size) -> {
                ExecutorService pool = Executors.newFixedThreadPool(job.concurrency());
                for (int i = 0; i < job.tasks(); i++) {
                    int task = i;
                    pool.submit(() -> { job.run(task); return null; });
                }
                pool.shutdown();                                 // no awaitTermination: returns at once
                return job.tasks();
            })
            .rounds(5).warmup(1)
            .run();
        return r.spread("job", null);
    }
}
