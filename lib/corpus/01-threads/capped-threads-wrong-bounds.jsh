// kind: bug
// bug_class: work split (fewer elements than threads)
// expect_fail: sumSplitsExactly
// feedback: an element was skipped
// about: caps the thread count at the array length but still divides by the requested count
// ==== cell 01-threads-08
class ThreadSum implements ParallelSum {
    public long sum(long[] values, int threads) throws InterruptedException {
        int n = Math.max(1, Math.min(threads, values.length)); // no idle threads
        long[] partial = new long[n];
        Thread[] workers = new Thread[n];
        for (int t = 0; t < n; t++) {
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
            workers[t].start();
        }
        long total = 0;
        for (int t = 0; t < n; t++) {
            workers[t].join();
            total += partial[t];
        }
        return total;
    }
}
