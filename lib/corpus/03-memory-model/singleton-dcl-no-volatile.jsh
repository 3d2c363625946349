// kind: bug
// bug_class: unsafe publication: double-checked locking without volatile
// expect_fail: serviceFieldSafe
// feedback: double-checked locking without volatile
// about: the textbook broken DCL: creates one service, but the unlocked first read may see the reference before the constructor's writes
// ==== cell 03-memory-model-11
class MySingleton implements Singleton {
    private static Service service;

    public Service instance() {
        if (service == null) {
            synchronized (MySingleton.class) {
                if (service == null) {
                    service = new Service();
                }
            }
        }
        return service;
    }
}
