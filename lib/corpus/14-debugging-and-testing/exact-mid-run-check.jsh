// kind: bug
// bug_class: false alarm: an exact check where only bounds hold
// expect_fail: passesAtomic
// may_fail: passesLocked,passesAdder,catchesBatched,catchesLostUpdate,catchesOvershoot
// feedback: false alarm
// about: compares get() with an exact count while other threads increment: correct counters fail it
// ==== cell 14-debugging-and-testing-06
class MyCounterTest implements CounterTest {
    public boolean passes(Supplier<Counter> counters) throws Exception {
        Counter counter = counters.get();
        AtomicLong done = new AtomicLong();
        AtomicBoolean bad = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) pool.submit(() -> {
                go.await();
                for (int i = 0; i < 20_001; i++) {
                    counter.increment();
                    if (counter.get() != done.incrementAndGet()) bad.set(true);   // expects an exact value mid-run
                }
                return null;
            });
            go.countDown();
        }
        return !bad.get() && counter.get() == 8 * 20_001;
    }
}
