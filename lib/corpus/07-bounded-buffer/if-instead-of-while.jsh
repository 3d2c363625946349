// kind: bug
// bug_class: lost wake-up guard (if instead of while around wait)
// expect_fail: noLostOrDuplicated
// may_fail: noLostWakeup
// feedback: while loop
// about: a woken thread does not re-check: another thread may have taken the slot or the item first
// ==== cell 07-bounded-buffer-05
class MyBuffer<T> implements BoundedBuffer<T> {
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final int capacity;

    MyBuffer(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void put(T item) throws InterruptedException {
        if (items.size() == capacity) {
            wait();
        }
        items.addLast(item);
        notifyAll();
    }

    public synchronized T take() throws InterruptedException {
        if (items.isEmpty()) {
            wait();
        }
        T item = items.pollFirst();
        notifyAll();
        return item;
    }

    public synchronized int size() {
        return items.size();
    }
}
