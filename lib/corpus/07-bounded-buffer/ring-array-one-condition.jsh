// kind: correct
// about: a circular array with head and count, one condition and signalAll
// ==== cell 07-bounded-buffer-05
class MyBuffer<T> implements BoundedBuffer<T> {
    private final Object[] ring;
    private int head;
    private int count;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();

    MyBuffer(int capacity) {
        ring = new Object[capacity];
    }

    public void put(T item) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (count == ring.length) {
                changed.await();
            }
            ring[(head + count) % ring.length] = item;
            count++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @SuppressWarnings("unchecked")
    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                changed.await();
            }
            T item = (T) ring[head];
            ring[head] = null;
            head = (head + 1) % ring.length;
            count--;
            changed.signalAll();
            return item;
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}
