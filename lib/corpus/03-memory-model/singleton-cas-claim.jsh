// kind: correct
// about: no lock at all: compareAndExchange claims the right to build, the losers wait for the winner's service; an AtomicBoolean stop flag
// ==== cell 03-memory-model-06
class MyFlag implements StopFlag {
    private final AtomicBoolean stopped = new AtomicBoolean();

    public void stop() {
        stopped.set(true);
    }

    public boolean isStopped() {
        return stopped.get();
    }
}
// ==== cell 03-memory-model-11
class MySingleton implements Singleton {
    private static final Object BUILDING = new Object();
    private static final AtomicReference<Object> STATE = new AtomicReference<>();

    public Service instance() {
        Object s = STATE.get();
        if (s instanceof Service service) {
            return service;
        }
        if (STATE.compareAndExchange(null, BUILDING) == null) {   // this thread won: it builds
            Service service = new Service();
            STATE.set(service);
            return service;
        }
        while (!((s = STATE.get()) instanceof Service)) {         // another thread builds: wait for it
            Thread.onSpinWait();
        }
        return (Service) s;
    }
}
