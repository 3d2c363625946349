// kind: bug
// bug_class: check-then-act (the stock checked before the lock, taken under it without checking again)
// expect_fail: auditsConsistent
// feedback: oversold
// about: a quick refusal before the slow courier call; by the time the lock is held another clerk took the units
// ==== cell 04-contention-and-liveness-16
class MyWarehouse implements Warehouse {
    private final ReentrantLock stockLock = new ReentrantLock(), ordersLock = new ReentrantLock();
    private final int[] stock;
    private final Map<Integer, int[]> orders = new HashMap<>();
    private final Courier courier;

    MyWarehouse(int[] stock, Courier courier) {
        this.stock = stock.clone();
        this.courier = courier;
    }
    private <T> T locked(Supplier<T> change) throws InterruptedException {
        stockLock.lockInterruptibly();
        try {
            ordersLock.lockInterruptibly();
            try { return change.get(); } finally { ordersLock.unlock(); }
        } finally { stockLock.unlock(); }
    }
    public boolean order(int id, int item, int qty) throws InterruptedException {
        if (locked(() -> stock[item] < qty)) return false;    // not enough: refuse before calling the courier
        courier.book(id);
        return locked(() -> {
            stock[item] -= qty;
            orders.put(id, new int[] {item, qty});
            return true;
        });
    }
    public boolean cancel(int id) throws InterruptedException {
        courier.collect(id);
        return locked(() -> {
            int[] o = orders.remove(id);
            if (o == null) return false;
            stock[o[0]] += o[1];
            return true;
        });
    }
    public Audit audit() throws InterruptedException {
        return locked(() -> {
            int[] reserved = new int[stock.length];
            for (int[] o : orders.values()) reserved[o[0]] += o[1];
            return new Audit(stock, reserved);
        });
    }
}
