// kind: bug
// bug_class: lost update (volatile is not atomic)
// expect_fail: counterNoLostUpdates
// feedback: lost update
// about: volatile makes the write visible, not the read-add-write atomic
// ==== cell 01-threads-05
class SafeCounter implements Counter {
    private volatile long count;

    public void increment() {
        count = count + 1;
    }

    public long get() {
        return count;
    }
}
