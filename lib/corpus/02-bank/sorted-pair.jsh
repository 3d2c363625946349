// kind: correct
// about: sorts the pair with a Comparator; the same account is handled as a no-op
// ==== cell 02-bank-05
class SafeBank implements Bank {
    private static final Comparator<Account> ORDER = Comparator.comparing(Account::id);

    public void transfer(Account from, Account to, long amount) {
        if (from == to) {
            return; // nothing moves
        }
        List<Account> pair = new ArrayList<>(List.of(from, to));
        pair.sort(ORDER);
        synchronized (pair.get(0)) {
            synchronized (pair.get(1)) {
                to.deposit(amount);
                from.withdraw(amount);
            }
        }
    }
}
