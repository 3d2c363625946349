// kind: bug
// bug_class: no happens-before: writer and reader synchronize on different locks, the field is plain
// expect_fail: publishedSafelyByDeclaration
// may_fail: readerSeesNewSnapshot
// feedback: unsafe publication
// about: publish locks the board, current() locks a private object: two monitors, no edge between the write and the read
// ==== cell 03-memory-model-09
class MyBoard implements Board {
    private final Object readLock = new Object();
    private Snapshot current;

    public synchronized void publish(int version, Map<String, String> settings) {
        current = new MySnapshot(version, settings);
    }

    public Snapshot current() {
        synchronized (readLock) {
            return current;
        }
    }
}
