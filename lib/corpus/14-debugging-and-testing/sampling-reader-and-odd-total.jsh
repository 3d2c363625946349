// kind: correct
// about: records samples and bounds during the run and judges them afterwards
// ==== cell 14-debugging-and-testing-06
class MyCounterTest implements CounterTest {
    public boolean passes(Supplier<Counter> counters) throws Exception {
        for (int round = 0; round < 3; round++) {
            Counter counter = counters.get();
            LongAdder started = new LongAdder();
            long[] samples = new long[100_000], bounds = new long[100_000];   // bounded memory
            int[] taken = {0};
            CountDownLatch go = new CountDownLatch(1);
            AtomicBoolean over = new AtomicBoolean();
            try (var pool = Executors.newCachedThreadPool()) {
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < 5; t++) writers.add(pool.submit(() -> {
                    go.await(2, TimeUnit.SECONDS);
                    for (int i = 0; i < 3_001; i++) { started.increment(); counter.increment(); }
                    return null;
                }));
                Future<?> reader = pool.submit(() -> {
                    go.await(2, TimeUnit.SECONDS);
                    for (int n = 0; !over.get() && n < samples.length; ) {
                        long seen = counter.get(), bound = started.sum();
                        if (n == 0 || seen != samples[n - 1]) {     // keep changes only: the arrays last the run
                            samples[n] = seen;
                            bounds[n] = bound;
                            taken[0] = ++n;
                        }
                    }
                    return null;
                });
                go.countDown();
                for (Future<?> f : writers) f.get(5, TimeUnit.SECONDS);
                over.set(true);
                reader.get(5, TimeUnit.SECONDS);
            }
            for (int i = 0; i < taken[0]; i++) {
                if (samples[i] > bounds[i] || (i > 0 && samples[i] < samples[i - 1])) return false;
            }
            if (counter.get() != 5L * 3_001) return false;
        }
        return true;
    }
}
