// kind: correct
// about: a meter without Sweep: two warm-up runs, then seven timed with System.nanoTime, median by Stats; virtual threads bounded by a Semaphore
// ==== cell 15-choosing-14
class MyMeter implements Meter {
    public Spread millis(IoJob job) throws Exception {
        for (int w = 0; w < 2; w++) runOnce(job);               // warm-up: the cold start goes here
        double[] ms = new double[7];
        for (int round = 0; round < ms.length; round++) {
            long start = System.nanoTime();
            runOnce(job);
            ms[round] = (System.nanoTime() - start) / 1e6;
        }
        return Stats.spread(ms);
    }

    private static void runOnce(IoJob job) throws Exception {
        Semaphore slots = new Semaphore(job.concurrency());
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < job.tasks(); i++) {
                int task = i;
                executor.submit(() -> {
                    slots.acquire();
                    try { job.run(task); } finally { slots.release(); }
                    return null;
                });
            }
        }                                                        // close() waits for them all
    }
}
