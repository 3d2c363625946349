// kind: bug
// bug_class: round counts hide a batching bug; checks only at the end
// expect_fail: catchesBatched,catchesOvershoot
// feedback: round numbers
// about: threads released together, but 1_024 increments each: a multiple of every batch size
// ==== cell 14-debugging-and-testing-06
class MyCounterTest implements CounterTest {
    public boolean passes(Supplier<Counter> counters) throws Exception {
        Counter counter = counters.get();
        CyclicBarrier start = new CyclicBarrier(4);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await(2, TimeUnit.SECONDS);
                    for (int i = 0; i < 1_024; i++) counter.increment();
                } catch (Exception e) { throw new RuntimeException(e); }
            }));
        }
        for (Thread t : threads) t.join(Duration.ofSeconds(5));
        return counter.get() == 4 * 1_024;
    }
}
