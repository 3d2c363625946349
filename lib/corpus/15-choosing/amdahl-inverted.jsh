// kind: bug
// bug_class: work-split error: Amdahl's serial fraction inverted (treated as the parallel part)
// expect_fail: speedupAmdahl
// feedback: serial fraction inverted
// about: 1 / ((1 - f) + f / n): the fraction that must run alone is split over the threads
// ==== cell 15-choosing-06
class MyPredictor implements Predictor {
    public double speedup(int threads, int cores, double serialFraction) {
        int n = Math.min(threads, cores);
        return 1 / ((1 - serialFraction) + serialFraction / n);
    }

    public Duration ioTime(int tasks, int concurrency, Duration latency) {
        long waves = (tasks + concurrency - 1) / concurrency;
        return latency.multipliedBy(waves);
    }
}
