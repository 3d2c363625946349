// kind: bug
// bug_class: lock-order deadlock (a nested lock on another path still in the old order)
// expect_fail: noDeadlock
// may_fail: everyClerkProgresses, auditsConsistent, courierCallsOverlap
// feedback: deadlock
// about: order and audit take stockLock then ordersLock, but cancel still looks the order up under ordersLock first
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
        courier.book(id);
        stockLock.lock();
        try {
            ordersLock.lock();
            try {
                if (stock[item] < qty) return false;
                stock[item] -= qty;
                orders.put(id, new int[] {item, qty});
                return true;
            } finally { ordersLock.unlock(); }
        } finally { stockLock.unlock(); }
    }
    public boolean cancel(int id) throws InterruptedException {
        courier.collect(id);
        ordersLock.lock();
        try {
            int[] o = orders.remove(id);
            if (o == null) return false;
            stockLock.lock();
            try { stock[o[0]] += o[1]; } finally { stockLock.unlock(); }
            return true;
        } finally { ordersLock.unlock(); }
    }
    public Audit audit() throws InterruptedException {
        stockLock.lock();
        try {
            ordersLock.lock();
            try {
                int[] reserved = new int[stock.length];
                for (int[] o : orders.values()) reserved[o[0]] += o[1];
                return new Audit(stock, reserved);
            } finally { ordersLock.unlock(); }
        } finally { stockLock.unlock(); }
    }
}
