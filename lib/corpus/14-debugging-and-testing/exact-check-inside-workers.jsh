// kind: bug
// bug_class: false alarm: an exact check where only bounds hold
// expect_fail: passesAtomic
// may_fail: passesLocked,passesAdder,catchesBatched,catchesLostUpdate,catchesOvershoot
// feedback: false alarm
// about: each worker expects the shared counter to hold exactly its own increments: correct counters fail it
// ==== cell 14-debugging-and-testing-06
class MyCounterTest implements CounterTest {
    public boolean passes(Supplier<Counter> counters) throws Exception {
        Counter counter = counters.get();
        AtomicBoolean bad = new AtomicBoolean();
        CyclicBarrier go = new CyclicBarrier(4);
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) pool.submit(() -> {
                go.await(2, TimeUnit.SECONDS);
                for (int i = 0; i < 2_001; i++) counter.increment();
                if (counter.get() != 2_001) bad.set(true);      // "my" 2_001 increments: but the counter is shared
                return null;
            });
        }
        return !bad.get() && counter.get() == 4 * 2_001;
    }
}
