// kind: bug
// bug_class: machine ignored: the gap read from the numbers alone, never from the run's conditions
// expect_fail: explainsEveryShape
// may_fail: explainsThisMachine
// feedback: you answered
// about: compares the median speedup with the prediction: a busy or one-CPU run reads as a serial fraction
// ==== cell 15-choosing-19
class MyExplainer implements Explainer {
    public Cause cause(SweepResult<Integer> result, String variant, int threads, double predicted) {
        return result.speedup(variant, threads) >= 0.9 * predicted ? Cause.AS_PREDICTED : Cause.SERIAL_FRACTION;
    }
}
