// kind: bug
// bug_class: lock-order deadlock on ties (the same account on both sides, a non-reentrant lock)
// expect_fail: transferToSelf
// feedback: same account
// about: binary semaphores as per-account locks, ordered by id; A to A takes A's semaphore twice
// ==== cell 02-bank-05
class SafeBank implements Bank {
    private final Map<Account, Semaphore> guards = new ConcurrentHashMap<>();

    public void transfer(Account from, Account to, long amount) {
        Account first = from.id().compareTo(to.id()) < 0 ? from : to;
        Account second = first == from ? to : from;
        Semaphore g1 = guards.computeIfAbsent(first, k -> new Semaphore(1));
        Semaphore g2 = guards.computeIfAbsent(second, k -> new Semaphore(1));
        g1.acquireUninterruptibly();
        g2.acquireUninterruptibly();
        try {
            synchronized (first) {
                synchronized (second) {
                    from.withdraw(amount);
                    to.deposit(amount);
                }
            }
        } finally {
            g2.release();
            g1.release();
        }
    }
}
