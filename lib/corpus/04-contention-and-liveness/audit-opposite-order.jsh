// kind: bug
// bug_class: lock-order deadlock (the audit path takes the two locks the other way round)
// expect_fail: noDeadlock
// may_fail: everyClerkProgresses, auditsConsistent, courierCallsOverlap
// feedback: deadlock
// about: order and cancel agree on stock then orders; the audit, written later, starts with the orders
// ==== cell 04-contention-and-liveness-16
class MyWarehouse implements Warehouse {
    private final Object stockLock = new Object(), ordersLock = new Object();
    private final int[] stock;
    private final Map<Integer, int[]> orders = new HashMap<>();
    private final Courier courier;

    MyWarehouse(int[] stock, Courier courier) {
        this.stock = stock.clone();
        this.courier = courier;
    }
    public boolean order(int id, int item, int qty) throws InterruptedException {
        courier.book(id);
        synchronized (stockLock) {
            synchronized (ordersLock) {
                if (stock[item] < qty) return false;
                stock[item] -= qty;
                orders.put(id, new int[] {item, qty});
                return true;
            }
        }
    }
    public boolean cancel(int id) throws InterruptedException {
        courier.collect(id);
        synchronized (stockLock) {
            synchronized (ordersLock) {
                int[] o = orders.remove(id);
                if (o == null) return false;
                stock[o[0]] += o[1];
                return true;
            }
        }
    }
    public Audit audit() {
        synchronized (ordersLock) {
            int[] reserved = new int[stock.length];
            for (int[] o : orders.values()) reserved[o[0]] += o[1];
            synchronized (stockLock) {
                return new Audit(stock, reserved);
            }
        }
    }
}
