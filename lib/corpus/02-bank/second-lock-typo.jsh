// kind: bug
// bug_class: lost update (the same account locked twice, the other never)
// expect_fail: totalConserved
// may_fail: transfersAreAtomic, noDeadlockOpposite, noDeadlockRing, noDeadlockOnTies
// feedback: lost update
// about: a copy-paste slip in picking the second lock
// ==== cell 02-bank-05
class SafeBank implements Bank {
    public void transfer(Account from, Account to, long amount) {
        Account first = from.id().compareTo(to.id()) < 0 ? from : to;
        Account second = first == from ? from : to;
        synchronized (first) {
            synchronized (second) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }
}
