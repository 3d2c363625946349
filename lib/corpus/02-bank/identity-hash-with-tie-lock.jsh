// kind: correct
// about: the textbook order by System.identityHashCode, with a global tie-breaking lock for equal hashes
// ==== cell 02-bank-05
class SafeBank implements Bank {
    private static final Object TIE = new Object();

    public void transfer(Account from, Account to, long amount) {
        int h1 = System.identityHashCode(from);
        int h2 = System.identityHashCode(to);
        if (h1 < h2) {
            move(from, to, from, to, amount);
        } else if (h1 > h2) {
            move(to, from, from, to, amount);
        } else {
            synchronized (TIE) {
                move(from, to, from, to, amount);
            }
        }
    }

    private static void move(Account first, Account second, Account from, Account to, long amount) {
        synchronized (first) {
            synchronized (second) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }
}
