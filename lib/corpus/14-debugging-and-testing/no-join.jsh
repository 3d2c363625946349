// kind: bug
// bug_class: missing join: reads the result before the threads end
// expect_fail: passesAtomic
// may_fail: passesLocked,passesAdder,catchesBatched,catchesLostUpdate,catchesOvershoot
// feedback: false alarm
// about: reads the total without joining the threads: a correct counter is not finished yet
// ==== cell 14-debugging-and-testing-06
class MyCounterTest implements CounterTest {
    public boolean passes(Supplier<Counter> counters) throws Exception {
        Counter counter = counters.get();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            Thread.ofPlatform().start(() -> {
                try { go.await(); } catch (InterruptedException e) { return; }
                for (int i = 0; i < 2_001; i++) counter.increment();
            });
        }
        go.countDown();
        return counter.get() == 4 * 2_001;                  // the threads may still be running
    }
}
