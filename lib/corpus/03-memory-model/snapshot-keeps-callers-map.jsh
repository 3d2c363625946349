// kind: bug
// bug_class: mutated after publication: the snapshot keeps the caller's map instead of a copy
// expect_fail: snapshotsNeverChange
// feedback: mutated after publication
// about: final field, volatile board, but the map the final field points to is the caller's, which it edits later
// ==== cell 03-memory-model-08
class MySnapshot implements Snapshot {
    private final int version;
    private final Map<String, String> settings;

    MySnapshot(int version, Map<String, String> settings) {
        this.version = version;
        this.settings = settings;           // final field: "so it is immutable"
    }

    public int version() {
        return version;
    }

    public String get(String key) {
        return settings.get(key);
    }

    public int size() {
        return settings.size();
    }
}
