// kind: bug
// bug_class: too few increments to hit a race
// expect_fail: catchesOvershoot
// may_fail: catchesLostUpdate
// feedback: briefly too big
// about: two threads released together, one increment each: catches the batching bug, almost never hits the race window
// ==== cell 14-debugging-and-testing-06
class MyCounterTest implements CounterTest {
    public boolean passes(Supplier<Counter> counters) throws Exception {
        Counter counter = counters.get();
        CountDownLatch go = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 2; t++) fs.add(pool.submit(() -> { go.await(); counter.increment(); return null; }));
            go.countDown();
            for (Future<?> f : fs) f.get(5, TimeUnit.SECONDS);
        }
        return counter.get() == 2;                          // one increment each
    }
}
