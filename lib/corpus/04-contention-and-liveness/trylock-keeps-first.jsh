// kind: bug
// bug_class: lock leaked on a failure path (the first lock kept when the timed tryLock of the second fails)
// expect_fail: noDeadlock
// may_fail: everyClerkProgresses, auditsConsistent, courierCallsOverlap
// feedback: never released
// about: tryLock with a timeout and a retry, but stockLock is unlocked only on success; the reentrant lock just counts up
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
    private <T> T both(ReentrantLock first, ReentrantLock second, Supplier<T> change) throws InterruptedException {
        while (true) {
            first.lockInterruptibly();
            if (second.tryLock(1, TimeUnit.MILLISECONDS)) {
                try { return change.get(); } finally { second.unlock(); first.unlock(); }
            }
            // second is busy: try again
        }
    }
    public boolean order(int id, int item, int qty) throws InterruptedException {
        courier.book(id);
        return both(stockLock, ordersLock, () -> {
            if (stock[item] < qty) return false;
            stock[item] -= qty;
            orders.put(id, new int[] {item, qty});
            return true;
        });
    }
    public boolean cancel(int id) throws InterruptedException {
        courier.collect(id);
        return both(ordersLock, stockLock, () -> {
            int[] o = orders.remove(id);
            if (o == null) return false;
            stock[o[0]] += o[1];
            return true;
        });
    }
    public Audit audit() throws InterruptedException {
        return both(stockLock, ordersLock, () -> {
            int[] reserved = new int[stock.length];
            for (int[] o : orders.values()) reserved[o[0]] += o[1];
            return new Audit(stock, reserved);
        });
    }
}
