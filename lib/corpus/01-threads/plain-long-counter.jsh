// kind: bug
// bug_class: lost update (count++ on a plain field)
// expect_fail: counterNoLostUpdates
// feedback: lost update
// about: the counter the lesson warns about: read, add, write with no lock
// ==== cell 01-threads-05
class SafeCounter implements Counter {
    private long count;

    public void increment() {
        count++;
    }

    public long get() {
        return count;
    }
}
