// kind: bug
// bug_class: check-then-act: lazy creation without a lock
// expect_fail: oneServiceUnderRace
// feedback: check-then-act
// about: volatile field, so every thread sees the service once it exists; but two threads that both look before it exists both build one
// ==== cell 03-memory-model-11
class MySingleton implements Singleton {
    private static volatile Service service;

    public Service instance() {
        if (service == null) {
            service = new Service();
        }
        return service;
    }
}
