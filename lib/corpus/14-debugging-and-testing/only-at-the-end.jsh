// kind: bug
// bug_class: checks only at the end
// expect_fail: catchesOvershoot
// feedback: briefly too big
// about: a good end-of-run test: gate, several rounds, odd counts; but nothing looks at get() while the threads run
// ==== cell 14-debugging-and-testing-06
class MyCounterTest implements CounterTest {
    public boolean passes(Supplier<Counter> counters) throws Exception {
        for (int round = 0; round < 5; round++) {
            Counter counter = counters.get();
            CountDownLatch go = new CountDownLatch(1);
            try (var pool = Executors.newFixedThreadPool(4)) {
                List<Future<?>> fs = new ArrayList<>();
                for (int t = 0; t < 4; t++) fs.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 2_001; i++) counter.increment();
                    return null;
                }));
                go.countDown();
                for (Future<?> f : fs) f.get(5, TimeUnit.SECONDS);
            }
            if (counter.get() != 4 * 2_001) return false;
        }
        return true;
    }
}
