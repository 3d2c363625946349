// kind: bug
// bug_class: one thread: no concurrency in the stress test
// expect_fail: catchesLostUpdate,catchesOvershoot
// feedback: lost update
// about: counts on the calling thread only: exact, but no race can happen
// ==== cell 14-debugging-and-testing-06
class MyCounterTest implements CounterTest {
    public boolean passes(Supplier<Counter> counters) throws Exception {
        Counter counter = counters.get();
        for (int i = 0; i < 10_001; i++) counter.increment();
        return counter.get() == 10_001;
    }
}
