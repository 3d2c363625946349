// kind: correct
// about: synchronized methods on a plain long; equal chunks with the last thread taking the remainder
// ==== cell 01-threads-05
class SafeCounter implements Counter {
    private long count;

    public synchronized void increment() {
        count++;
    }

    public synchronized long get() {
        return count;
    }
}
// ==== cell 01-threads-08
class ThreadSum implements ParallelSum {
    public long sum(long[] values, int threads) throws InterruptedException {
        int chunk = values.length / threads;
        long[] partial = new long[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int from = t * chunk;
            int to = t == threads - 1 ? values.length : from + chunk;
            int slot = t;
            workers[t] = new Thread(() -> partial[slot] = Arrays.stream(values, from, to).sum());
            workers[t].start();
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
        }
        for (long p : partial) {
            total += p;
        }
        return total;
    }
}
