// kind: bug
// bug_class: atomicity violation (the deadlock cured by never holding both locks: stock and orders change in two steps)
// expect_fail: auditsConsistent
// feedback: inconsistent audit
// about: each lock alone, never nested, so no cycle; but between the two steps the units are neither in stock nor reserved
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
    public boolean order(int id, int item, int qty) throws InterruptedException {
        stockLock.lockInterruptibly();
        try {
            if (stock[item] < qty) return false;
            stock[item] -= qty;
        } finally { stockLock.unlock(); }
        courier.book(id);
        ordersLock.lockInterruptibly();
        try { orders.put(id, new int[] {item, qty}); } finally { ordersLock.unlock(); }
        return true;
    }
    public boolean cancel(int id) throws InterruptedException {
        int[] o;
        ordersLock.lockInterruptibly();
        try { o = orders.remove(id); } finally { ordersLock.unlock(); }
        if (o == null) return false;
        courier.collect(id);
        stockLock.lockInterruptibly();
        try { stock[o[0]] += o[1]; } finally { stockLock.unlock(); }
        return true;
    }
    public Audit audit() throws InterruptedException {
        stockLock.lockInterruptibly();
        try {
            ordersLock.lockInterruptibly();
            try {
                int[] reserved = new int[stock.length];
                for (int[] o : orders.values()) reserved[o[0]] += o[1];
                return new Audit(stock, reserved);
            } finally { ordersLock.unlock(); }
        } finally { stockLock.unlock(); }
    }
}
