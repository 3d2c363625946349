// kind: bug
// bug_class: a check that cannot fail
// expect_fail: catchesBatched,catchesLostUpdate,catchesOvershoot
// feedback: missed a bug
// about: checks that nothing throws: passes every counter
// ==== cell 14-debugging-and-testing-06
class MyCounterTest implements CounterTest {
    public boolean passes(Supplier<Counter> counters) throws Exception {
        Counter counter = counters.get();
        counter.increment();
        return counter.get() >= 0;                          // "it did not crash"
    }
}
