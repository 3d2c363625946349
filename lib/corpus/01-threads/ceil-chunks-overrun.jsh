// kind: bug
// bug_class: work split (last chunk runs past the end)
// expect_fail: sumSplitsExactly
// may_fail: sumMatchesSequential
// feedback: an element was skipped
// about: rounds the chunk size up but never clamps the end to the array length
// ==== cell 01-threads-08
class ThreadSum implements ParallelSum {
    public long sum(long[] values, int threads) throws InterruptedException {
        int chunk = (values.length + threads - 1) / threads;
        long[] partial = new long[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int from = Math.min(t * chunk, values.length);
            int to = from + chunk;
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
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            total += partial[t];
        }
        return total;
    }
}
