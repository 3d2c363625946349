// kind: correct
// about: swaps the lock variables when the ids are out of order; updates in a helper
// ==== cell 02-bank-05
class SafeBank implements Bank {
    public void transfer(Account from, Account to, long amount) {
        Account lo = from;
        Account hi = to;
        if (lo.id().compareTo(hi.id()) > 0) {
            Account tmp = lo;
            lo = hi;
            hi = tmp;
        }
        synchronized (lo) {
            synchronized (hi) {
                apply(from, to, amount);
            }
        }
    }

    private void apply(Account from, Account to, long amount) {
        from.withdraw(amount);
        to.deposit(amount);
    }
}
