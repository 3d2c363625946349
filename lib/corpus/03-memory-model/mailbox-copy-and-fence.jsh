// kind: correct
// about: the mailbox copies the message and hands the copy over with compareAndExchangeRelease / getAcquire on a VarHandle; send after a send is ignored
// ==== cell 03-memory-model-13
import java.lang.invoke.*;

class MyMailbox implements Mailbox {
    private int[] slot;
    private static final VarHandle SLOT;
    static {
        try {
            SLOT = MethodHandles.lookup().findVarHandle(MyMailbox.class, "slot", int[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public void send(int[] message) {
        int[] copy = message.clone();
        SLOT.compareAndExchangeRelease(this, (int[]) null, copy);
    }

    public int[] poll() {
        int[] m = (int[]) SLOT.getAcquire(this);
        return m == null ? null : m.clone();
    }
}
