// kind: bug
// bug_class: sequential threads: no start barrier, no overlap
// expect_fail: catchesLostUpdate,catchesOvershoot
// feedback: lost update
// about: four threads, but each is joined before the next starts: they never overlap
// ==== cell 14-debugging-and-testing-06
class MyCounterTest implements CounterTest {
    public boolean passes(Supplier<Counter> counters) throws Exception {
        Counter counter = counters.get();
        for (int t = 0; t < 4; t++) {
            Thread worker = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 1_001; i++) counter.increment();
            });
            worker.join(Duration.ofSeconds(5));               // wait for it before starting the next
        }
        return counter.get() == 4 * 1_001;
    }
}
