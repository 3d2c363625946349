// kind: bug
// bug_class: mutated after publication: publish updates the published snapshot in place instead of making a new one
// expect_fail: snapshotsNeverChange,publishedSafelyByDeclaration
// may_fail: noHalfBuiltSnapshot
// feedback: mutated after publication
// about: saves an allocation per publish; a reader holding the snapshot sees version and settings change under it (and a mix of both)
// ==== cell 03-memory-model-08
class MySnapshot implements Snapshot {
    private int version;
    private Map<String, String> settings;

    MySnapshot(int version, Map<String, String> settings) {
        update(version, settings);
    }

    void update(int version, Map<String, String> settings) {
        this.version = version;
        this.settings = Map.copyOf(settings);
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
// ==== cell 03-memory-model-09
class MyBoard implements Board {
    private volatile MySnapshot current;

    public void publish(int version, Map<String, String> settings) {
        MySnapshot s = current;
        if (s == null) {
            current = new MySnapshot(version, settings);
        } else {
            s.update(version, settings);    // reuse the object readers already have
        }
    }

    public Snapshot current() {
        return current;
    }
}
