// kind: bug
// bug_class: visibility: volatile on the wrong field (a counter of stop calls), the flag read in the loop is plain
// expect_fail: flagSeenBySpinningThread
// feedback: visibility
// about: the volatile write comes after the plain one in stop(), but isStopped() never reads the volatile field, so no edge reaches the reader
// ==== cell 03-memory-model-06
class MyFlag implements StopFlag {
    private volatile int stopCalls;     // "volatile makes the class thread-safe"
    private boolean stopped;

    public void stop() {
        stopped = true;
        stopCalls++;
    }

    public boolean isStopped() {
        return stopped;
    }
}
