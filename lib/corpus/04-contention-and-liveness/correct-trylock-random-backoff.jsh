// kind: correct
// about: the colleague's tryLock protocol kept, with the courier outside the locks and a random back-off after each failure
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
            try {
                if (second.tryLock()) {
                    try { return change.get(); } finally { second.unlock(); }
                }
            } finally { first.unlock(); }
            Thread.sleep(0, ThreadLocalRandom.current().nextInt(1, 200_000));   // back off a random while
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
