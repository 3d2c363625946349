// kind: bug
// bug_class: limit exceeded: a virtual thread per task with no bound on how many wait at once
// expect_fail: meterRunsTheJob
// may_fail: meterAgreesWithGrader
// feedback: limit exceeded
// about: newVirtualThreadPerTaskExecutor without a Semaphore: all tasks wait at once, the job allows 6
// ==== cell 15-choosing-14
class MyMeter implements Meter {
    public Spread millis(IoJob job) throws Exception {
        SweepResult<Void> r = Sweep.compare()
            .task("job", (v, size) -> {
                try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < job.tasks(); i++) {
                        int task = i;
                        executor.submit(() -> { job.run(task); return null; });
                    }
                }
                return job.tasks();
            })
            .rounds(5).warmup(1)
            .run();
        return r.spread("job", null);
    }
}
