// kind: correct
// about: one StampedLock for both structures: write lock for order and cancel, read lock for the audit; courier outside
// ==== cell 04-contention-and-liveness-16
class MyWarehouse implements Warehouse {
    private final StampedLock lock = new StampedLock();
    private final int[] stock;
    private final Map<Integer, int[]> orders = new HashMap<>();
    private final Courier courier;

    MyWarehouse(int[] stock, Courier courier) {
        this.stock = stock.clone();
        this.courier = courier;
    }
    public boolean order(int id, int item, int qty) throws InterruptedException {
        courier.book(id);
        long stamp = lock.writeLockInterruptibly();
        try {
            if (stock[item] < qty) return false;
            stock[item] -= qty;
            orders.put(id, new int[] {item, qty});
            return true;
        } finally { lock.unlockWrite(stamp); }
    }
    public boolean cancel(int id) throws InterruptedException {
        courier.collect(id);
        long stamp = lock.writeLockInterruptibly();
        try {
            int[] o = orders.remove(id);
            if (o == null) return false;
            stock[o[0]] += o[1];
            return true;
        } finally { lock.unlockWrite(stamp); }
    }
    public Audit audit() throws InterruptedException {
        long stamp = lock.readLockInterruptibly();
        try {
            int[] reserved = new int[stock.length];
            for (int[] o : orders.values()) reserved[o[0]] += o[1];
            return new Audit(stock, reserved);
        } finally { lock.unlockRead(stamp); }
    }
}
