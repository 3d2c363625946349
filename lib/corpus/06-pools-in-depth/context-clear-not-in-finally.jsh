// kind: bug
// bug_class: missing finally: the context is cleared only when the task returns normally
// expect_fail: contextNeverLeaks
// feedback: that threw
// about: remove() after call() instead of in finally: a task that throws leaves its context for the next task
// ==== cell 06-pools-in-depth-08
class MyServicePool implements ServicePool {
    private final ThreadLocal<String> current = new ThreadLocal<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Settings settings;
    private final ThreadPoolExecutor pool;

    /** A submitted task: runs with its context, reports its failure, remembers what was submitted. */
    private final class Job<T> extends FutureTask<T> {
        final Callable<T> task;
        final String context;

        Job(Callable<T> task, String context) {
            super(() -> {
                if (context != null) current.set(context);   // the task's user, for context()
                T result = task.call();
                current.remove();                            // clean up after the task
                return result;
            });
            this.task = task;
            this.context = context;
        }

        @Override public void run() {
            super.run();
        }

        @Override protected void setException(Throwable t) {
            failures.add(t);
            super.setException(t);
        }
    }

    private void waitForRoom(Runnable job, ThreadPoolExecutor executor) {
        try {
            if (!executor.isShutdown()
                    && executor.getQueue().offer(job, settings.submitTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            throw new RejectedExecutionException("interrupted while waiting for room", e);
        }
        throw new RejectedExecutionException(executor.isShutdown() ? "the pool is shut down"
                : "no room for " + settings.submitTimeout().toMillis() + " ms: " + settings.threads()
                  + " threads busy and " + settings.queueCapacity() + " tasks queued");
    }

    MyServicePool(Settings settings) {
        this.settings = settings;
        NamedThreads names = new NamedThreads(settings.name());
        pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()),
                task -> { Thread t = names.newThread(task); threads.add(t); return t; },
                this::waitForRoom);
    }

    public <T> Future<T> submit(String context, Callable<T> task) throws InterruptedException {
        if (pool.isShutdown()) throw new RejectedExecutionException("the pool is shut down");
        Job<T> job = new Job<>(task, context);
        if (threads.contains(Thread.currentThread())) {   // a pool thread never waits on its own pool:
            job.run();                                     // it runs its subtask itself
            return job;
        }
        try {
            pool.execute(job);
        } catch (RejectedExecutionException e) {
            if (e.getCause() instanceof InterruptedException ie) throw ie;
            throw e;
        }
        return job;
    }

    public Optional<String> context() {
        return Optional.ofNullable(current.get());
    }

    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    public ShutdownReport shutdown(Duration grace) throws InterruptedException {
        pool.shutdown();
        if (pool.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
            return new ShutdownReport(List.of(), true);
        }
        List<Callable<?>> notRun = new ArrayList<>();
        for (Runnable r : pool.shutdownNow()) {             // interrupts the running tasks
            Job<?> job = (Job<?>) r;
            job.cancel(false);
            notRun.add(job.task);
        }
        return new ShutdownReport(notRun, pool.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS));
    }
}
