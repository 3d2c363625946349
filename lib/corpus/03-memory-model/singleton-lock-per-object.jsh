// kind: bug
// bug_class: check-then-act: each object locks its own monitor, so the lock excludes nothing across objects
// expect_fail: oneServiceUnderRace
// feedback: check-then-act
// about: static volatile field and a double check, but synchronized (this): callers of two Singleton objects build two services
// ==== cell 03-memory-model-11
class MySingleton implements Singleton {
    private static volatile Service service;

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
