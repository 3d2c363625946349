// kind: bug
// bug_class: unsafe publication: the constructor lets `this` escape (registers itself on the board) before its fields are set
// expect_fail: noHalfBuiltSnapshot
// feedback: this escapes
// about: final fields, volatile board, but the board's field is written from inside the constructor, so a reader can get the snapshot before its fields are written
// ==== cell 03-memory-model-08
class MySnapshot implements Snapshot {
    private final int version;
    private final Map<String, String> settings;

    MySnapshot(int version, Map<String, String> settings, MyBoard board) {
        board.install(this);                // register first, as listeners do
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
    private volatile Snapshot current;

    void install(Snapshot s) {
        current = s;
    }

    public void publish(int version, Map<String, String> settings) {
        new MySnapshot(version, settings, this);
    }

    public Snapshot current() {
        return current;
    }
}
