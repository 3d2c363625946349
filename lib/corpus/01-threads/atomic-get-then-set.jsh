// kind: bug
// bug_class: atomicity violation (get then set on an AtomicLong)
// expect_fail: counterNoLostUpdates
// feedback: lost update
// about: two atomic steps are not one atomic step
// ==== cell 01-threads-05
class SafeCounter implements Counter {
    private final AtomicLong count = new AtomicLong();

    public void increment() {
        long next = count.get() + 1;
        count.set(next);
    }

    public long get() {
        return count.get();
    }
}
