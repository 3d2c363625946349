// kind: bug
// bug_class: atomicity violation (each account locked on its own, one after the other)
// expect_fail: transfersAreAtomic
// feedback: not atomic
// about: no deadlock and no lost update, but between the blocks the money is in neither account
// ==== cell 02-bank-05
class SafeBank implements Bank {
    public void transfer(Account from, Account to, long amount) {
        synchronized (from) {
            from.withdraw(amount);
        }
        synchronized (to) {
            to.deposit(amount);
        }
    }
}
