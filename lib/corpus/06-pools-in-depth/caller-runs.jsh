// kind: bug
// bug_class: contract: CallerRunsPolicy runs a task on the submitting thread
// expect_fail: fullPoolRefuses
// may_fail: backPressure
// feedback: ran on the submitting thread
// about: back-pressure by running on the caller, which the contract forbids (the caller's thread is a request thread)
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
            super(task);
            this.task = task;
            this.context = context;
        }

        @Override public void run() {
            String outer = current.get();                  // a subtask run inline keeps its caller's context
            if (context == null) current.remove(); else current.set(context);
            try {
                super.run();
            } finally {
                if (outer == null) current.remove(); else current.set(outer);
            }
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
                new ThreadPoolExecutor.CallerRunsPolicy());     // back-pressure: the caller does the work
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
