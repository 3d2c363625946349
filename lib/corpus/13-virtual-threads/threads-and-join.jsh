// kind: correct
// about: Thread.ofVirtual().start per task, results and failures in arrays, join them all
// ==== cell 13-virtual-threads-4
class VirtualRunner implements BoundedRunner {
    private final Semaphore permits;

    VirtualRunner(int limit) {
        permits = new Semaphore(limit, true);
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> runAll(List<? extends Callable<? extends T>> tasks) throws InterruptedException, ExecutionException {
        Object[] results = new Object[tasks.size()];
        Throwable[] failures = new Throwable[tasks.size()];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            int index = i;
            threads.add(Thread.ofVirtual().start(() -> {
                permits.acquireUninterruptibly();
                try {
                    results[index] = tasks.get(index).call();
                } catch (Throwable e) {
                    failures[index] = e;
                } finally {
                    permits.release();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        for (Throwable f : failures) {
            if (f != null) {
                throw new ExecutionException(f);
            }
        }
        List<T> out = new ArrayList<>();
        for (Object r : results) {
            out.add((T) r);
        }
        return out;
    }
}
