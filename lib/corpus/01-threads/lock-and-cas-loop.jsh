// kind: correct
// about: a CAS retry loop for the counter; ceil-sized chunks clamped to the end, partials in an AtomicLongArray
// ==== cell 01-threads-05
class SafeCounter implements Counter {
    private final AtomicLong count = new AtomicLong();

    public void increment() {
        long seen;
        do {
            seen = count.get();
        } while (!count.compareAndSet(seen, seen + 1));
    }

    public long get() {
        return count.get();
    }
}
// ==== cell 01-threads-08
class ThreadSum implements ParallelSum {
    public long sum(long[] values, int threads) throws InterruptedException {
        int chunk = (values.length + threads - 1) / threads;
        AtomicLongArray partial = new AtomicLongArray(threads);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int from = Math.min(t * chunk, values.length);
            int to = Math.min(from + chunk, values.length);
            int slot = t;
            workers[t] = new Thread(() -> {
                for (int i = from; i < to; i++) {
                    partial.addAndGet(slot, values[i]);
                }
            });
        }
        for (Thread w : workers) {
            w.start();
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            total += partial.get(t);
        }
        return total;
    }
}
