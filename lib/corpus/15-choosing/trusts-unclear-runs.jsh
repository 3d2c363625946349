// kind: bug
// bug_class: wrong order: trusts the figure of an unclear run (no check of rounds, run length or noise)
// expect_fail: explainsEveryShape
// may_fail: explainsThisMachine
// feedback: you answered
// about: handles one CPU and a busy machine, then compares the figure even when the run cannot tell
// ==== cell 15-choosing-19
class MyExplainer implements Explainer {
    public Cause cause(SweepResult<Integer> result, String variant, int threads, double predicted) {
        if (result.conditions().cores() == 1) return Cause.ONE_CPU;
        if (result.conditions().busy()) return Cause.MACHINE_BUSY;
        return predicted <= result.speedupSpread(variant, threads).high() ? Cause.AS_PREDICTED : Cause.SERIAL_FRACTION;
    }
}
