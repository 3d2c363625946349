// kind: bug
// bug_class: missing finally (a refused order returns with both locks still held)
// expect_fail: everyClerkProgresses
// may_fail: noDeadlock, auditsConsistent, courierCallsOverlap
// feedback: starvation
// about: lock, work, unlock in a straight line; the early return for a refused order skips the unlocks
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
        stockLock.lockInterruptibly();
        ordersLock.lockInterruptibly();
        if (stock[item] < qty) return false;
        stock[item] -= qty;
        orders.put(id, new int[] {item, qty});
        ordersLock.unlock();
        stockLock.unlock();
        return true;
    }
    public boolean cancel(int id) throws InterruptedException {
        courier.collect(id);
        stockLock.lockInterruptibly();
        ordersLock.lockInterruptibly();
        int[] o = orders.remove(id);
        if (o != null) stock[o[0]] += o[1];
        ordersLock.unlock();
        stockLock.unlock();
        return o != null;
    }
    public Audit audit() throws InterruptedException {
        stockLock.lockInterruptibly();
        ordersLock.lockInterruptibly();
        int[] reserved = new int[stock.length];
        for (int[] o : orders.values()) reserved[o[0]] += o[1];
        Audit a = new Audit(stock, reserved);
        ordersLock.unlock();
        stockLock.unlock();
        return a;
    }
}
