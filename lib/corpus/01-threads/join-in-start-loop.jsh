// kind: bug
// bug_class: sequential instead of concurrent (join inside the start loop)
// expect_fail: sumUsesThreads
// feedback: sequential
// about: every thread is started and then waited for before the next one starts
// ==== cell 01-threads-08
class ThreadSum implements ParallelSum {
    public long sum(long[] values, int threads) throws InterruptedException {
        long[] partial = new long[threads];
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) values.length * t / threads);
            int to = (int) ((long) values.length * (t + 1) / threads);
            int slot = t;
            Thread worker = new Thread(() -> {
                long s = 0;
                for (int i = from; i < to; i++) {
                    s += values[i];
                }
                partial[slot] = s;
            });
            worker.start();
            worker.join();
        }
        long total = 0;
        for (long p : partial) {
            total += p;
        }
        return total;
    }
}
