// kind: correct
// about: a lock per item, always taken before ordersLock; cancel reads the item first, then locks in order and checks again
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
            courier.book(id);                      // under this item's lock only: other items go on
            ordersLock.lockInterruptibly();
            try { stock[item] -= qty; orders.put(id, new int[] {item, qty}); return true; }
            finally { ordersLock.unlock(); }
        } finally { itemLocks[item].unlock(); }
    }
    public boolean cancel(int id) throws InterruptedException {
        int[] o;
        ordersLock.lockInterruptibly();
        try { o = orders.get(id); } finally { ordersLock.unlock(); }
        if (o == null) return false;
        courier.collect(id);
        itemLocks[o[0]].lockInterruptibly();      // item first, then orders: the one order
        try {
            ordersLock.lockInterruptibly();
            try {
                if (orders.remove(id) == null) return false;
                stock[o[0]] += o[1];
                return true;
            } finally { ordersLock.unlock(); }
        } finally { itemLocks[o[0]].unlock(); }
    }
    public Audit audit() throws InterruptedException {
        int taken = 0;
        try {
            for (ReentrantLock l : itemLocks) { l.lockInterruptibly(); taken++; }
            ordersLock.lockInterruptibly();
            try {
                int[] reserved = new int[stock.length];
                for (int[] o : orders.values()) reserved[o[0]] += o[1];
                return new Audit(stock, reserved);
            } finally { ordersLock.unlock(); }
        } finally { for (int i = 0; i < taken; i++) itemLocks[i].unlock(); }
    }
}
