// kind: bug
// bug_class: lock leaked on a failure path (first lock kept when the second tryLock fails)
// expect_fail: noDeadlockRing
// may_fail: noDeadlockOpposite, totalConserved, transfersAreAtomic, noDeadlockOnTies, transferToSelf
// feedback: hang
// about: back-off with tryLock, but the first lock is never released when the second is busy
// ==== cell 02-bank-05
class SafeBank implements Bank {
    private final Map<Account, ReentrantLock> locks = new ConcurrentHashMap<>();

    public void transfer(Account from, Account to, long amount) {
        ReentrantLock a = locks.computeIfAbsent(from, k -> new ReentrantLock());
        ReentrantLock b = locks.computeIfAbsent(to, k -> new ReentrantLock());
        while (true) {
            if (a.tryLock()) {
                if (b.tryLock()) {
                    try {
                        synchronized (from) {
                            synchronized (to) {
                                from.withdraw(amount);
                                to.deposit(amount);
                            }
                        }
                        return;
                    } finally {
                        b.unlock();
                        a.unlock();
                    }
                }
            }
            Thread.onSpinWait();
        }
    }
}
