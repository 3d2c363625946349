// kind: correct
// about: each guarded part is an object with a rank; a helper locks any two parts by rank, whatever the caller's order
// ==== cell 04-contention-and-liveness-16
class MyWarehouse implements Warehouse {
    record Part(int rank, ReentrantLock lock) {}
    private final Part stockPart = new Part(1, new ReentrantLock()), ordersPart = new Part(2, new ReentrantLock());
    private final int[] stock;
    private final Map<Integer, int[]> orders = new HashMap<>();
    private final Courier courier;

    MyWarehouse(int[] stock, Courier courier) {
        this.stock = stock.clone();
        this.courier = courier;
    }
    private <T> T holding(Part a, Part b, Supplier<T> change) throws InterruptedException {
        Part first = a.rank() < b.rank() ? a : b, second = first == a ? b : a;
        first.lock().lockInterruptibly();
        try {
            second.lock().lockInterruptibly();
            try { return change.get(); } finally { second.lock().unlock(); }
        } finally { first.lock().unlock(); }
    }
    public boolean order(int id, int item, int qty) throws InterruptedException {
        courier.book(id);
        return holding(stockPart, ordersPart, () -> {
            if (stock[item] < qty) return false;
            stock[item] -= qty;
            orders.put(id, new int[] {item, qty});
            return true;
        });
    }
    public boolean cancel(int id) throws InterruptedException {
        courier.collect(id);
        return holding(ordersPart, stockPart, () -> {          // asked the other way round: holding() sorts them
            int[] o = orders.remove(id);
            if (o == null) return false;
            stock[o[0]] += o[1];
            return true;
        });
    }
    public Audit audit() throws InterruptedException {
        return holding(ordersPart, stockPart, () -> {
            int[] reserved = new int[stock.length];
            for (int[] o : orders.values()) reserved[o[0]] += o[1];
            return new Audit(stock, reserved);
        });
    }
}
