// kind: bug
// bug_class: oversubscription ignored: threads beyond the cores counted as parallel
// expect_fail: speedupAmdahl
// feedback: threads beyond the cores counted
// about: n = threads: 16 threads on 2 cores predicted 16x faster
// ==== cell 15-choosing-06
class MyPredictor implements Predictor {
    public double speedup(int threads, int cores, double serialFraction) {
        return 1 / (serialFraction + (1 - serialFraction) / threads);
    }

    public Duration ioTime(int tasks, int concurrency, Duration latency) {
        long waves = (tasks + concurrency - 1) / concurrency;
        return latency.multipliedBy(waves);
    }
}
