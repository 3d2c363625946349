// kind: bug
// bug_class: lost wake-up (notify instead of notifyAll with one wait set)
// expect_fail: noLostWakeup
// may_fail: noLostOrDuplicated
// feedback: lost wake-up
// about: producers and consumers share one wait set; notify can wake a thread of the wrong kind
// ==== cell 07-bounded-buffer-05
class MyBuffer<T> implements BoundedBuffer<T> {
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final int capacity;

    MyBuffer(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void put(T item) throws InterruptedException {
        while (items.size() == capacity) {
            wait();
        }
        items.addLast(item);
        notify();
    }

    public synchronized T take() throws InterruptedException {
        while (items.isEmpty()) {
            wait();
        }
        T item = items.removeFirst();
        notify();
        return item;
    }

    public synchronized int size() {
        return items.size();
    }
}
