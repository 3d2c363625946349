// kind: correct
// about: a ThreadPoolExecutor subclass: newTaskFor remembers each task, beforeExecute/afterExecute set and clear the context, afterExecute digs the failure out of the Future (the JDK's documented idiom)
// ==== cell 06-pools-in-depth-08
class MyServicePool implements ServicePool {
    private static final ThreadLocal<String> CONTEXT = new ThreadLocal<>();
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final Map<Runnable, Callable<?>> submitted = new ConcurrentHashMap<>();
    private final Set<Thread> own = ConcurrentHashMap.newKeySet();
    private final Pool pool;

    /** A task with its context. */
    record Tagged<T>(Callable<T> task, String context) implements Callable<T> {
        public T call() throws Exception { return task.call(); }
    }

    private final class Pool extends ThreadPoolExecutor {
        Pool(Settings s) {
            super(s.threads(), s.threads(), 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(s.queueCapacity()),
                    new NamedThreads(s.name()), (r, e) -> {
                        try {
                            if (e.isShutdown() || !e.getQueue().offer(r, s.submitTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                                throw new RejectedExecutionException("full for " + s.submitTimeout().toMillis() + " ms, or shut down");
                            }
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                            throw new RejectedExecutionException("interrupted while waiting for room", ie);
                        }
                    });
        }

        @Override protected <T> RunnableFuture<T> newTaskFor(Callable<T> c) {
            RunnableFuture<T> f = super.newTaskFor(c);
            submitted.put(f, c instanceof Tagged<T> t ? t.task() : c);
            return f;
        }

        @Override protected void beforeExecute(Thread t, Runnable r) {
            own.add(t);
            String context = contexts.get(r);
            if (context == null) CONTEXT.remove(); else CONTEXT.set(context);
        }

        @Override protected void afterExecute(Runnable r, Throwable t) {
            CONTEXT.remove();
            submitted.remove(r);
            contexts.remove(r);
            if (t == null && r instanceof Future<?> f && f.isDone() && !f.isCancelled()) {
                try { f.get(); } catch (ExecutionException e) { t = e.getCause(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            }
            if (t != null) failures.add(t);
        }
    }

    private final Map<Runnable, String> contexts = new ConcurrentHashMap<>();

    MyServicePool(Settings settings) {
        pool = new Pool(settings);
        pool.prestartAllCoreThreads();
    }

    public <T> Future<T> submit(String context, Callable<T> task) throws InterruptedException {
        if (pool.isShutdown()) throw new RejectedExecutionException("shut down");
        if (own.contains(Thread.currentThread())) {       // a subtask: run it here, with its context
            FutureTask<T> f = new FutureTask<>(task);
            String saved = CONTEXT.get();
            if (context == null) CONTEXT.remove(); else CONTEXT.set(context);
            try { f.run(); } finally { if (saved == null) CONTEXT.remove(); else CONTEXT.set(saved); }
            try { f.get(); } catch (ExecutionException e) { failures.add(e.getCause()); }
            return f;
        }
        RunnableFuture<T> f = pool.newTaskFor(new Tagged<>(task, context));
        if (context != null) contexts.put(f, context);
        try {
            pool.execute(f);
        } catch (RejectedExecutionException e) {
            submitted.remove(f);
            contexts.remove(f);
            if (e.getCause() instanceof InterruptedException ie) { Thread.interrupted(); throw ie; }
            throw e;
        }
        return f;
    }

    public Optional<String> context() { return Optional.ofNullable(CONTEXT.get()); }

    public List<Throwable> failures() { synchronized (failures) { return List.copyOf(failures); } }

    public ShutdownReport shutdown(Duration grace) throws InterruptedException {
        pool.shutdown();
        if (pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) return new ShutdownReport(List.of(), true);
        List<Callable<?>> notRun = new ArrayList<>();
        for (Runnable r : pool.shutdownNow()) {
            ((Future<?>) r).cancel(false);
            notRun.add(submitted.remove(r));
        }
        return new ShutdownReport(notRun, pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS));
    }
}
