// kind: bug
// bug_class: missing finally on interrupts (the lock stays held when await is interrupted)
// expect_fail: interruptedWaiterLeaves
// feedback: lock
// about: lock() ... unlock() without try/finally: an interrupted await throws while holding the lock
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
        lock.lock();
        while (items.size() == capacity) {
            notFull.await();
        }
        items.addLast(item);
        notEmpty.signal();
        lock.unlock();
    }

    public T take() throws InterruptedException {
        lock.lock();
        while (items.isEmpty()) {
            notEmpty.await();
        }
        T item = items.removeFirst();
        notFull.signal();
        lock.unlock();
        return item;
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
