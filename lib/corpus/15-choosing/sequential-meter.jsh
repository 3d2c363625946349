// kind: bug
// bug_class: sequential instead of concurrent: the tasks run one after another on the calling thread
// expect_fail: meterRunsTheJob
// may_fail: meterAgreesWithGrader
// feedback: sequential instead of concurrent
// about: a plain loop over job.run(i): correct figures for the wrong run
// ==== cell 15-choosing-14
class MyMeter implements Meter {
    public Spread millis(IoJob job) throws Exception {
        SweepResult<Void> r = Sweep.compare()
            .task("job", (v, size) -> {
                for (int i = 0; i < job.tasks(); i++) job.run(i);
                return job.tasks();
            })
            .rounds(3).warmup(1)
            .run();
        return r.spread("job", null);
    }
}
