// kind: bug
// bug_class: explanation fixed in advance: "one CPU" whatever the run measured
// expect_fail: explainsEveryShape
// may_fail: explainsThisMachine
// feedback: your answer must come from the run
// about: written on Binder, where it is right; wrong on every machine with more cores
// ==== cell 15-choosing-19
class MyExplainer implements Explainer {
    public Cause cause(SweepResult<Integer> result, String variant, int threads, double predicted) {
        return Cause.ONE_CPU;                                    // Binder has one CPU
    }
}
