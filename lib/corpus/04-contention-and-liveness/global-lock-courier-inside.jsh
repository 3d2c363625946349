// kind: bug
// bug_class: sequential instead of concurrent (one lock held across the slow courier call: contention)
// expect_fail: courierCallsOverlap
// feedback: contention
// about: the deadlock cured by one synchronized monitor around everything, the courier call included
// ==== cell 04-contention-and-liveness-16
class MyWarehouse implements Warehouse {
    private final int[] stock;
    private final Map<Integer, int[]> orders = new HashMap<>();
    private final Courier courier;

    MyWarehouse(int[] stock, Courier courier) {
        this.stock = stock.clone();
        this.courier = courier;
    }
    public synchronized boolean order(int id, int item, int qty) throws InterruptedException {
        if (stock[item] < qty) return false;
        courier.book(id);
        stock[item] -= qty;
        orders.put(id, new int[] {item, qty});
        return true;
    }
    public synchronized boolean cancel(int id) throws InterruptedException {
        int[] o = orders.remove(id);
        if (o == null) return false;
        courier.collect(id);
        stock[o[0]] += o[1];
        return true;
    }
    public synchronized Audit audit() {
        int[] reserved = new int[stock.length];
        for (int[] o : orders.values()) reserved[o[0]] += o[1];
        return new Audit(stock, reserved);
    }
}
