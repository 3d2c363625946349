// kind: bug
// bug_class: off by one: integer division drops the last, partly full wave (floor instead of ceil)
// expect_fail: ioTimeInWaves
// feedback: partly filled wave
// about: tasks / concurrency * latency: 10 tasks 3 at a time predicted as 3 waves, and 1 task as none
// ==== cell 15-choosing-06
class MyPredictor implements Predictor {
    public double speedup(int threads, int cores, double serialFraction) {
        int n = Math.min(threads, cores);
        return 1 / (serialFraction + (1 - serialFraction) / n);
    }

    public Duration ioTime(int tasks, int concurrency, Duration latency) {
        return latency.multipliedBy(tasks / concurrency);
    }
}
