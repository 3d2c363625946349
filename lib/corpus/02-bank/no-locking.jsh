// kind: bug
// bug_class: lost update (no lock at all)
// expect_fail: totalConserved, transfersAreAtomic
// may_fail: noDeadlockOpposite, noDeadlockRing, noDeadlockOnTies
// feedback: lost update
// about: withdraw and deposit are read-modify-writes on unguarded fields
// ==== cell 02-bank-05
class SafeBank implements Bank {
    public void transfer(Account from, Account to, long amount) {
        from.withdraw(amount);
        to.deposit(amount);
    }
}
