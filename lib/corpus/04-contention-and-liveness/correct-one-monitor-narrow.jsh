// kind: correct
// about: a single synchronized monitor, held only for the state change; the courier is called outside it
// ==== cell 04-contention-and-liveness-16
class MyWarehouse implements Warehouse {
    private final int[] stock;
    private final Map<Integer, int[]> orders = new HashMap<>();
    private final Courier courier;

    MyWarehouse(int[] stock, Courier courier) {
        this.stock = stock.clone();
        this.courier = courier;
    }
    public boolean order(int id, int item, int qty) throws InterruptedException {
        courier.book(id);
        synchronized (this) {
            if (stock[item] < qty) return false;
            stock[item] -= qty;
            orders.put(id, new int[] {item, qty});
            return true;
        }
    }
    public boolean cancel(int id) throws InterruptedException {
        courier.collect(id);
        synchronized (this) {
            int[] o = orders.remove(id);
            if (o == null) return false;
            stock[o[0]] += o[1];
            return true;
        }
    }
    public synchronized Audit audit() {
        int[] reserved = new int[stock.length];
        for (int[] o : orders.values()) reserved[o[0]] += o[1];
        return new Audit(stock, reserved);
    }
}
