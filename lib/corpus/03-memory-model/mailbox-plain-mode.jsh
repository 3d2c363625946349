// kind: bug
// bug_class: visibility: a VarHandle used in plain mode (get/set), which orders nothing
// expect_fail: mailboxDelivers
// feedback: visibility
// about: the VarHandle is there, but get and set are plain accesses: the JIT treats them like a plain field
// ==== cell 03-memory-model-13
import java.lang.invoke.*;

class MyMailbox implements Mailbox {
    private int[] message;
    private static final VarHandle MESSAGE;
    static {
        try {
            MESSAGE = MethodHandles.lookup().findVarHandle(MyMailbox.class, "message", int[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public void send(int[] message) {
        MESSAGE.set(this, message);
    }

    public int[] poll() {
        return (int[]) MESSAGE.get(this);
    }
}
