// kind: bug
// bug_class: machine hard-coded: the prediction assumes the author's 2 cores
// expect_fail: speedupAmdahl
// feedback: hard-coded
// about: Math.min(threads, 2): right on the author's laptop, wrong on 1 core and on 4 or more
// ==== cell 15-choosing-06
class MyPredictor implements Predictor {
    public double speedup(int threads, int cores, double serialFraction) {
        int n = Math.min(threads, 2);                            // my laptop has 2 cores
        return 1 / (serialFraction + (1 - serialFraction) / n);
    }

    public Duration ioTime(int tasks, int concurrency, Duration latency) {
        long waves = (tasks + concurrency - 1) / concurrency;
        return latency.multipliedBy(waves);
    }
}
