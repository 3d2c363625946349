// kind: correct
// about: a Semaphore of threads + capacity permits, tried with the submit timeout, guards a fixed pool; the context is saved and restored inside the wrapped Callable
// ==== cell 06-pools-in-depth-08
class MyServicePool implements ServicePool {
    private final ThreadLocal<String> user = new ThreadLocal<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Set<Thread> mine = ConcurrentHashMap.newKeySet();
    private final Settings settings;
    private final Semaphore room;               // one permit per thread and per queue slot
    private final ExecutorService pool;

    class Job<T> extends FutureTask<T> {
        final Callable<T> task;
        final boolean holdsPermit;
        Job(Callable<T> task, String context, boolean holdsPermit) {
            super(() -> {
                String before = user.get();
                user.set(context);
                try {
                    return task.call();
                } catch (Exception e) {
                    failures.add(e);
                    throw e;
                } finally {
                    user.set(before);
                }
            });
            this.task = task;
            this.holdsPermit = holdsPermit;
        }
        @Override public void run() {
            try { super.run(); } finally { if (holdsPermit) room.release(); }
        }
    }

    MyServicePool(Settings settings) {
        this.settings = settings;
        this.room = new Semaphore(settings.threads() + settings.queueCapacity());
        NamedThreads names = new NamedThreads(settings.name());
        this.pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = names.newThread(r);
            mine.add(t);
            return t;
        });
    }

    public <T> Future<T> submit(String context, Callable<T> task) throws InterruptedException {
        if (pool.isShutdown()) throw new RejectedExecutionException("shut down");
        if (mine.contains(Thread.currentThread())) {
            Job<T> job = new Job<>(task, context, false);
            job.run();
            return job;
        }
        if (!room.tryAcquire(settings.submitTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            throw new RejectedExecutionException("pool full for " + settings.submitTimeout().toMillis() + " ms");
        }
        Job<T> job = new Job<>(task, context, true);
        try {
            pool.execute(job);
        } catch (RejectedExecutionException e) {
            room.release();
            throw e;
        }
        return job;
    }

    public Optional<String> context() {
        return Optional.ofNullable(user.get());
    }

    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    public ShutdownReport shutdown(Duration grace) throws InterruptedException {
        pool.shutdown();
        if (pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) return new ShutdownReport(List.of(), true);
        List<Callable<?>> notRun = new ArrayList<>();
        for (Runnable r : pool.shutdownNow()) {
            Job<?> job = (Job<?>) r;
            job.cancel(true);
            notRun.add(job.task);
        }
        return new ShutdownReport(notRun, pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS));
    }
}
