// kind: bug
// bug_class: atomicity across objects: the lazily created service lives in an instance field, one per object
// expect_fail: oneServiceUnderRace
// feedback: one Service per
// about: correct double-checked locking per object, but the program must have one service and every object makes its own
// ==== cell 03-memory-model-11
class MySingleton implements Singleton {
    private volatile Service service;

    public Service instance() {
        Service s = service;
        if (s == null) {
            synchronized (this) {
                s = service;
                if (s == null) {
                    service = s = new Service();
                }
            }
        }
        return s;
    }
}
