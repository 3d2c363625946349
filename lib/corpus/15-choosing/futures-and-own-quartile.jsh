// kind: correct
// about: a meter that joins CompletableFutures on a pool kept across rounds (closed in finally); an explainer that reads the verdict with ifs and computes the upper quartile itself
// ==== cell 15-choosing-14
class MyMeter implements Meter {
    public Spread millis(IoJob job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(job.concurrency());
        try {
            SweepResult<Void> r = Sweep.compare()
                .task("futures", (v, size) -> {
                    CompletableFuture<?>[] all = new CompletableFuture<?>[job.tasks()];
                    for (int i = 0; i < all.length; i++) {
                        int task = i;
                        all[i] = CompletableFuture.runAsync(() -> {
                            try { job.run(task); } catch (InterruptedException e) { throw new CompletionException(e); }
                        }, pool);
                    }
                    CompletableFuture.allOf(all).join();         // the clock stops after every task
                    return all.length;
                })
                .rounds(7).warmup(2)
                .run();
            return r.spread("futures", null);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
// ==== cell 15-choosing-19
class MyExplainer implements Explainer {
    public Cause cause(SweepResult<Integer> result, String variant, int threads, double predicted) {
        Verdict v = Verdict.speedup(result, variant, threads);
        if (v.outcome() == Verdict.Outcome.ONE_CPU) return Cause.ONE_CPU;
        if (v.outcome() == Verdict.Outcome.BUSY) return Cause.MACHINE_BUSY;
        if (!v.shown()) return Cause.CANNOT_TELL;
        double upperQuartile = Stats.percentile(result.roundSpeedups(variant, threads), 75);
        return upperQuartile >= predicted ? Cause.AS_PREDICTED : Cause.SERIAL_FRACTION;
    }
}
