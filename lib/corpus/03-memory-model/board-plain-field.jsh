// kind: bug
// bug_class: unsafe publication: the current snapshot is published through a plain field
// expect_fail: readerSeesNewSnapshot,publishedSafelyByDeclaration
// feedback: visibility
// about: snapshots are right (final fields, a copy), but a reader polling current() in a hot loop keeps the old one for ever
// ==== cell 03-memory-model-09
class MyBoard implements Board {
    private Snapshot current;           // the snapshot is immutable, so the field needs nothing... (wrong)

    public void publish(int version, Map<String, String> settings) {
        current = new MySnapshot(version, settings);
    }

    public Snapshot current() {
        return current;
    }
}
