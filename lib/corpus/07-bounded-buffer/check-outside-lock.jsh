// kind: bug
// bug_class: check-then-act (the full/empty check is made without the lock)
// expect_fail: noLostOrDuplicated
// may_fail: noLostWakeup
// feedback: under one lock
// about: waits for room by polling outside the lock, then adds under it: two producers both see one free slot
// ==== cell 07-bounded-buffer-05
class MyBuffer<T> implements BoundedBuffer<T> {
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();

    MyBuffer(int capacity) {
        this.capacity = capacity;
    }

    public void put(T item) throws InterruptedException {
        while (size() >= capacity) {
            Thread.sleep(0, 100_000); // poll until there is room
        }
        lock.lock();
        try {
            items.addLast(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    public T take() throws InterruptedException {
        while (size() == 0) {
            Thread.sleep(0, 100_000); // poll until there is an item
        }
        lock.lock();
        try {
            T item = items.pollFirst();
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }
}
