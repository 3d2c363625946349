// kind: correct
// about: a ReentrantLock around a plain long
// ==== cell 01-threads-05
class SafeCounter implements Counter {
    private final ReentrantLock lock = new ReentrantLock();
    private long count;

    public void increment() {
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }

    public long get() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}
