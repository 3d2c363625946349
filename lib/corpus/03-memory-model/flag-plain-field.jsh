// kind: bug
// bug_class: visibility: the stop flag is a plain field (missing volatile)
// expect_fail: flagSeenBySpinningThread
// feedback: visibility
// about: works in a quick test; a thread spinning on isStopped() after C2 compiled its loop reads the field once and never stops
// ==== cell 03-memory-model-06
class MyFlag implements StopFlag {
    private boolean stopped;

    public void stop() {
        stopped = true;
    }

    public boolean isStopped() {
        return stopped;
    }
}
