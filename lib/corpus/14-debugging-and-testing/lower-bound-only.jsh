// kind: bug
// bug_class: half a bound: checks mid-run values from below only
// expect_fail: catchesOvershoot
// feedback: briefly too big
// about: checks mid-run, but only that get() is not too small: an overshoot passes
// ==== cell 14-debugging-and-testing-06
class MyCounterTest implements CounterTest {
    public boolean passes(Supplier<Counter> counters) throws Exception {
        for (int round = 0; round < 5; round++) {
            Counter counter = counters.get();
            AtomicBoolean bad = new AtomicBoolean();
            CyclicBarrier start = new CyclicBarrier(4);
            try (var pool = Executors.newFixedThreadPool(4)) {
                List<Future<?>> fs = new ArrayList<>();
                for (int t = 0; t < 4; t++) fs.add(pool.submit(() -> {
                    start.await(2, TimeUnit.SECONDS);
                    for (int i = 1; i <= 2_001; i++) {
                        counter.increment();
                        if (counter.get() < i) bad.set(true);    // at least my own increments
                    }
                    return null;
                }));
                for (Future<?> f : fs) f.get(5, TimeUnit.SECONDS);
            }
            if (bad.get() || counter.get() != 4 * 2_001) return false;
        }
        return true;
    }
}
