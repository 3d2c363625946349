// kind: bug
// bug_class: lost update (each call locks a different object)
// expect_fail: counterNoLostUpdates
// feedback: lost update
// about: synchronized on a lock created per call excludes nobody
// ==== cell 01-threads-05
class SafeCounter implements Counter {
    private long count;

    public void increment() {
        Object lock = new Object();
        synchronized (lock) {
            count++;
        }
    }

    public synchronized long get() {
        return count;
    }
}
