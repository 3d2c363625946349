// kind: correct
// about: no ThreadPoolExecutor: N hand-started workers poll an ArrayBlockingQueue; submit is offer with the timeout; failures come from FutureTask.done
// ==== cell 06-pools-in-depth-08
class MyServicePool implements ServicePool {
    private final ThreadLocal<String> current = new ThreadLocal<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<Work<?>> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final Duration patience;
    private volatile boolean closing;

    private final class Work<T> extends FutureTask<T> {
        final Callable<T> task;
        final String context;
        Work(Callable<T> task, String context) { super(task); this.task = task; this.context = context; }
        @Override protected void done() {
            if (isCancelled()) return;
            try { get(); } catch (ExecutionException e) { failures.add(e.getCause()); } catch (InterruptedException e) { }
        }
        void runWithContext() {
            String saved = current.get();
            current.set(context);
            try { run(); } finally { if (saved == null) current.remove(); else current.set(saved); }
        }
    }

    MyServicePool(Settings settings) {
        queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        patience = settings.submitTimeout();
        NamedThreads names = new NamedThreads(settings.name());
        for (int i = 0; i < settings.threads(); i++) {
            Thread t = names.newThread(this::work);
            workers.add(t);
        }
        workers.forEach(Thread::start);
    }

    private void work() {
        while (true) {
            Work<?> next;
            try {
                next = queue.poll(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;                                    // only shutdown interrupts a worker
            }
            if (next != null) next.runWithContext();
            else if (closing) return;
        }
    }

    public <T> Future<T> submit(String context, Callable<T> task) throws InterruptedException {
        if (closing) throw new RejectedExecutionException("the pool is shutting down");
        Work<T> w = new Work<>(task, context);
        if (workers.contains(Thread.currentThread())) { w.runWithContext(); return w; }
        if (!queue.offer(w, patience.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new RejectedExecutionException("no room in " + patience.toMillis() + " ms");
        }
        return w;
    }

    public Optional<String> context() { return Optional.ofNullable(current.get()); }

    public List<Throwable> failures() { return new ArrayList<>(failures); }

    private boolean joinAll(long deadline) throws InterruptedException {
        for (Thread t : workers) t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        return workers.stream().noneMatch(Thread::isAlive);
    }

    public ShutdownReport shutdown(Duration grace) throws InterruptedException {
        closing = true;
        if (joinAll(System.nanoTime() + grace.toNanos())) return new ShutdownReport(List.of(), true);
        List<Work<?>> left = new ArrayList<>();
        queue.drainTo(left);
        List<Callable<?>> notRun = new ArrayList<>();
        for (Work<?> w : left) { w.cancel(false); notRun.add(w.task); }
        workers.forEach(Thread::interrupt);
        return new ShutdownReport(notRun, joinAll(System.nanoTime() + grace.toNanos()));
    }
}
