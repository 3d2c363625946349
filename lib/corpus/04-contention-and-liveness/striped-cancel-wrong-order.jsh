// kind: bug
// bug_class: lock-order deadlock (striped locks: cancel finds the item under the orders lock, then takes the item's lock)
// expect_fail: noDeadlock
// may_fail: everyClerkProgresses, auditsConsistent, courierCallsOverlap
// feedback: deadlock
// about: a lock per item for the stock, taken before ordersLock in order(); cancel needs the order to know the item
// ==== cell 04-contention-and-liveness-16
class MyWarehouse implements Warehouse {
    private final ReentrantLock[] itemLocks;
    private final ReentrantLock ordersLock = new ReentrantLock();
    private final int[] stock;
    private final Map<Integer, int[]> orders = new HashMap<>();
    private final Courier courier;

    MyWarehouse(int[] stock, Courier courier) {
        this.stock = stock.clone();
        this.courier = courier;
        itemLocks = new ReentrantLock[stock.length];
        for (int i = 0; i < stock.length; i++) itemLocks[i] = new ReentrantLock();
    }
    public boolean order(int id, int item, int qty) throws InterruptedException {
        itemLocks[item].lockInterruptibly();
        try {
            if (stock[item] < qty) return false;
            courier.book(id);
            ordersLock.lockInterruptibly();
            try { stock[item] -= qty; orders.put(id, new int[] {item, qty}); return true; }
            finally { ordersLock.unlock(); }
        } finally { itemLocks[item].unlock(); }
    }
    public boolean cancel(int id) throws InterruptedException {
        courier.collect(id);
        ordersLock.lockInterruptibly();
        try {
            int[] o = orders.remove(id);
            if (o == null) return false;
            itemLocks[o[0]].lockInterruptibly();
            try { stock[o[0]] += o[1]; return true; } finally { itemLocks[o[0]].unlock(); }
        } finally { ordersLock.unlock(); }
    }
    public Audit audit() throws InterruptedException {
        for (ReentrantLock l : itemLocks) l.lockInterruptibly();
        try {
            ordersLock.lockInterruptibly();
            try {
                int[] reserved = new int[stock.length];
                for (int[] o : orders.values()) reserved[o[0]] += o[1];
                return new Audit(stock, reserved);
            } finally { ordersLock.unlock(); }
        } finally { for (ReentrantLock l : itemLocks) l.unlock(); }
    }
}
