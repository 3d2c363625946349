// kind: correct
// about: the snapshot is a record (final fields for free) over an unmodifiable copy; the board is an AtomicReference
// ==== cell 03-memory-model-08
record MySnapshot(int version, Map<String, String> settings) implements Snapshot {
    MySnapshot {
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
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
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    public void publish(int version, Map<String, String> settings) {
        current.set(new MySnapshot(version, settings));
    }

    public Snapshot current() {
        return current.get();
    }
}
