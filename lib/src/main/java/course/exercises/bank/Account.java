package course.exercises.bank;

/**
 * A bank account with a name and a balance. It is deliberately NOT thread-safe: callers must hold
 * a lock while they read and change it. Lock the account itself ({@code synchronized (account)});
 * {@link #id()} gives a total order for lock ordering.
 */
public final class Account {

    /** The grader's probe: runs on the calling thread at the start of {@link #deposit} (set only by this package's tests). */
    static final ThreadLocal<Runnable> DURING_DEPOSIT = new ThreadLocal<>();

    private final String id;
    private long balance;

    /** An account named {@code id} with an opening balance. */
    public Account(String id, long balance) {
        this.id = id;
        this.balance = balance;
    }

    /** The account's name, e.g. "A"; unique within a bank, usable to order locks. */
    public String id() {
        return id;
    }

    /** The balance (read it under the account's lock). */
    public long balance() {
        return balance;
    }

    /** Adds {@code amount} (a read-modify-write: hold the account's lock). */
    public void deposit(long amount) {
        Runnable probe = DURING_DEPOSIT.get();
        if (probe != null) {
            probe.run();
        }
        long b = balance;
        Thread.onSpinWait();
        balance = b + amount;
    }

    /** Subtracts {@code amount} (a read-modify-write: hold the account's lock). */
    public void withdraw(long amount) {
        long b = balance;
        Thread.onSpinWait();
        balance = b - amount;
    }

    @Override
    public String toString() {
        return "Account " + id;
    }
}
