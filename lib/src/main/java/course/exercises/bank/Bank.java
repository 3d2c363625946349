package course.exercises.bank;

/** Moves money between accounts; many threads call it at once. */
public interface Bank {
    /**
     * Moves {@code amount} from {@code from} to {@code to} atomically: no other transfer sees the
     * money in neither or both accounts, no update is lost, and two transfers in opposite
     * directions never deadlock. Balances may go negative (there is no overdraft check).
     */
    void transfer(Account from, Account to, long amount);
}
