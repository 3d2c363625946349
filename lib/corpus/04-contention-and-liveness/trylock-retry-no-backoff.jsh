// kind: bug
// bug_class: livelock (tryLock and retry at once, the slow courier call under the first lock)
// expect_fail: everyClerkProgresses
// may_fail: courierCallsOverlap, noDeadlock
// feedback: livelock
// about: the colleague's DepotV2 idea written fresh: give the first lock back when the second is busy and retry immediately
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
        while (true) {
            stockLock.lockInterruptibly();
            try {
                if (stock[item] < qty) return false;
                courier.book(id);
                if (ordersLock.tryLock()) {
                    try { stock[item] -= qty; orders.put(id, new int[] {item, qty}); return true; }
                    finally { ordersLock.unlock(); }
                }
            } finally { stockLock.unlock(); }
        }
    }
    public boolean cancel(int id) throws InterruptedException {
        while (true) {
            ordersLock.lockInterruptibly();
            try {
                int[] o = orders.get(id);
                if (o == null) return false;
                courier.collect(id);
                if (stockLock.tryLock()) {
                    try { orders.remove(id); stock[o[0]] += o[1]; return true; }
                    finally { stockLock.unlock(); }
                }
            } finally { ordersLock.unlock(); }
        }
    }
    public Audit audit() throws InterruptedException {
        while (true) {
            stockLock.lockInterruptibly();
            try {
                if (ordersLock.tryLock()) {
                    try {
                        int[] reserved = new int[stock.length];
                        for (int[] o : orders.values()) reserved[o[0]] += o[1];
                        return new Audit(stock, reserved);
                    } finally { ordersLock.unlock(); }
                }
            } finally { stockLock.unlock(); }
        }
    }
}
