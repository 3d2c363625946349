// kind: correct
// about: the intrinsic monitor: synchronized methods, wait in a while loop, notifyAll
// ==== cell 07-bounded-buffer-05
class MyBuffer<T> implements BoundedBuffer<T> {
    private final LinkedList<T> items = new LinkedList<>();
    private final int capacity;

    MyBuffer(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void put(T item) throws InterruptedException {
        while (items.size() >= capacity) {
            wait();
        }
        items.add(item);
        notifyAll();
    }

    public synchronized T take() throws InterruptedException {
        while (items.isEmpty()) {
            wait();
        }
        notifyAll();
        return items.remove();
    }

    public synchronized int size() {
        return items.size();
    }
}
