// kind: bug
// bug_class: atomicity violation (take changes the deque without the lock)
// expect_fail: noLostOrDuplicated
// may_fail: noLostWakeup, fifo, takeBlocksWhenEmpty, putBlocksWhenFull, interruptedWaiterLeaves
// feedback: one lock
// about: put is guarded, take only waits under the lock and then removes outside it
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
        try {
            while (items.size() == capacity) {
                notFull.await();
            }
            items.addLast(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    public T take() throws InterruptedException {
        lock.lock();
        try {
            while (items.isEmpty()) {
                notEmpty.await();
            }
        } finally {
            lock.unlock();
        }
        T item = items.pollFirst(); // the waiting is done, no need to hold the lock
        lock.lock();
        try {
            notFull.signal();
        } finally {
            lock.unlock();
        }
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
