// kind: correct
// about: the classic: a semaphore of free slots, one of filled slots, and a mutex for the deque
// ==== cell 07-bounded-buffer-05
class MyBuffer<T> implements BoundedBuffer<T> {
    private final Deque<T> items = new ArrayDeque<>();
    private final Semaphore free;
    private final Semaphore filled = new Semaphore(0);
    private final Object mutex = new Object();

    MyBuffer(int capacity) {
        free = new Semaphore(capacity);
    }

    public void put(T item) throws InterruptedException {
        free.acquire();
        synchronized (mutex) {
            items.addLast(item);
        }
        filled.release();
    }

    public T take() throws InterruptedException {
        filled.acquire();
        T item;
        synchronized (mutex) {
            item = items.removeFirst();
        }
        free.release();
        return item;
    }

    public int size() {
        synchronized (mutex) {
            return items.size();
        }
    }
}
