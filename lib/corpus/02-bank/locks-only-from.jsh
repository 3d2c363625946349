// kind: bug
// bug_class: lost update (only the source account is locked)
// expect_fail: totalConserved, transfersAreAtomic
// may_fail: noDeadlockOpposite, noDeadlockRing, noDeadlockOnTies
// feedback: lost update
// about: one lock cannot be a deadlock, but the deposit races with other transfers into the same account
// ==== cell 02-bank-05
class SafeBank implements Bank {
    public void transfer(Account from, Account to, long amount) {
        synchronized (from) {
            from.withdraw(amount);
            to.deposit(amount);
        }
    }
}
