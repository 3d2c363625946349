// kind: correct
// about: the board's field stays plain; publish stores with setRelease, current() loads with getAcquire: message passing, enough for a finished object
// ==== cell 03-memory-model-09
import java.lang.invoke.*;

class MyBoard implements Board {
    private Snapshot current;
    private static final VarHandle CURRENT;
    static {
        try {
            CURRENT = MethodHandles.lookup().findVarHandle(MyBoard.class, "current", Snapshot.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public void publish(int version, Map<String, String> settings) {
        CURRENT.setRelease(this, new MySnapshot(version, settings));
    }

    public Snapshot current() {
        return (Snapshot) CURRENT.getAcquire(this);
    }
}
