// kind: correct
// about: a LongAdder counter; the sum threads add their partial sums into one shared LongAdder
// ==== cell 01-threads-05
class SafeCounter implements Counter {
    private final LongAdder count = new LongAdder();

    public void increment() {
        count.increment();
    }

    public long get() {
        return count.sum();
    }
}
// ==== cell 01-threads-08
class ThreadSum implements ParallelSum {
    public long sum(long[] values, int threads) throws InterruptedException {
        LongAdder total = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) values.length * t / threads);
            int to = (int) ((long) values.length * (t + 1) / threads);
            workers.add(Thread.ofPlatform().name("sum-", t).start(() -> {
                long s = 0;
                for (int i = from; i < to; i++) {
                    s += values[i];
                }
                total.add(s);
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        return total.sum();
    }
}
