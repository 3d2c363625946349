// kind: bug
// bug_class: visibility: the message is handed over through a plain field, no VarHandle
// expect_fail: mailboxDelivers
// may_fail: mailboxUsesReleaseAcquire
// feedback: visibility
// about: on x86 stores and loads stay in order, so it "works" until the JIT hoists the read out of the polling loop
// ==== cell 03-memory-model-13
class MyMailbox implements Mailbox {
    private int[] message;

    public void send(int[] message) {
        this.message = message;
    }

    public int[] poll() {
        return message;
    }
}
