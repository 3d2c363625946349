// kind: bug
// bug_class: warm-up measured: a mean of runs that includes the cold first run
// expect_fail: meterAgreesWithGrader
// feedback: too long
// about: five timed runs, no warm-up, and the median field filled with their mean
// ==== cell 15-choosing-14
class MyMeter implements Meter {
    public Spread millis(IoJob job) throws Exception {
        double[] ms = new double[5];
        for (int round = 0; round < ms.length; round++) {
            long start = System.nanoTime();
            try (var pool = Executors.newFixedThreadPool(job.concurrency())) {
                for (int i = 0; i < job.tasks(); i++) {
                    int task = i;
                    pool.submit(() -> { job.run(task); return null; });
                }
            }
            ms[round] = (System.nanoTime() - start) / 1e6;
        }
        Spread s = Stats.spread(ms);
        double mean = Arrays.stream(ms).average().orElseThrow();
        return new Spread(s.count(), mean, s.low(), s.high(), s.min(), s.max());
    }
}
