// kind: bug
// bug_class: lock-order deadlock on ties (equal ordering keys)
// expect_fail: noDeadlockOnTies
// may_fail: transfersAreAtomic
// feedback: deadlock
// about: orders by id().hashCode(); accounts whose ids hash alike ("Aa", "BB") fall back to argument order
// ==== cell 02-bank-05
class SafeBank implements Bank {
    public void transfer(Account from, Account to, long amount) {
        Account first = from.id().hashCode() < to.id().hashCode() ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }
}
