// kind: bug
// bug_class: lock-order deadlock (locks taken in argument order)
// expect_fail: noDeadlockOpposite
// may_fail: noDeadlockRing, totalConserved, transfersAreAtomic, noDeadlockOnTies
// feedback: deadlock
// about: from first, then to: A->B and B->A each hold one lock and wait for the other
// ==== cell 02-bank-05
class SafeBank implements Bank {
    public void transfer(Account from, Account to, long amount) {
        synchronized (from) {
            synchronized (to) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }
}
