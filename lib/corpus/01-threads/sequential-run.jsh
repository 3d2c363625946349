// kind: bug
// bug_class: sequential instead of concurrent (run instead of start)
// expect_fail: sumUsesThreads
// feedback: sequential
// about: Thread.run() runs the body on the caller's thread
// ==== cell 01-threads-08
class ThreadSum implements ParallelSum {
    public long sum(long[] values, int threads) throws InterruptedException {
        long[] partial = new long[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) values.length * t / threads);
            int to = (int) ((long) values.length * (t + 1) / threads);
            int slot = t;
            workers[t] = new Thread(() -> {
                long s = 0;
                for (int i = from; i < to; i++) {
                    s += values[i];
                }
                partial[slot] = s;
            });
            workers[t].run();
        }
        long total = 0;
        for (long p : partial) {
            total += p;
        }
        return total;
    }
}
