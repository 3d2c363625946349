// kind: correct
// about: a ScheduledThreadPoolExecutor(1) is the loop thread; timers wait in a priority queue of its own with a sequence, each scheduling a wake-up on the executor
// ==== cell 12-event-loops-and-async-io-06
class MyEventLoop implements EventLoop {
    private record Timer(String name, long deadline, long seq, Runnable body, CompletableFuture<Void> done) {
    }

    private final Setup setup;
    private final AtomicReference<Thread> loopThread = new AtomicReference<>();
    private final ScheduledThreadPoolExecutor executor;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.deadline() != b.deadline()
            ? Long.signum(a.deadline() - b.deadline()) : Long.compare(a.seq(), b.seq()));   // guarded by itself
    private long seq;                                                                     // guarded by timers

    MyEventLoop(Setup setup) {
        this.setup = setup;
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Thread.ofPlatform().name(setup.threadName()).unstarted(r);
            loopThread.set(t);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);   // shutdown cancels what is not due
        executor.prestartCoreThread();
    }

    public void execute(String name, Runnable task) {
        executor.execute(() -> runTimed(name, task));
    }

    public CompletableFuture<Void> scheduleAt(String name, long deadline, Runnable task) {
        Timer timer;
        synchronized (timers) {
            if (executor.isShutdown()) throw new RejectedExecutionException("the loop is closed: cannot take " + name);
            timer = new Timer(name, deadline, seq++, task, new CompletableFuture<>());
            timers.add(timer);
            executor.schedule(this::runDueTimers, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        return timer.done();
    }

    public <T> CompletableFuture<T> onLoop(CompletionStage<T> elsewhere) {
        CompletableFuture<T> result = new CompletableFuture<>();
        elsewhere.whenComplete((value, error) -> {
            try {
                execute("onLoop", () -> {
                    if (error == null) result.complete(value);
                    else result.completeExceptionally(error);
                });
            } catch (RejectedExecutionException closed) {
                result.completeExceptionally(closed);
            }
        });
        return result;
    }

    public void close() {
        List<Timer> cancelled = new ArrayList<>();
        synchronized (timers) {
            if (!executor.isShutdown()) {
                long now = System.nanoTime();
                timers.removeIf(t -> now - t.deadline() < 0 && cancelled.add(t));
                executor.shutdown();                          // queued tasks and due wake-ups still run
            }
        }
        cancelled.forEach(t -> t.done().cancel(false));
        boolean interrupted = false;
        while (true) {
            try {
                if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
                    loopThread.get().join();                  // terminated is not yet ended: join the thread too
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void runDueTimers() {
        while (true) {
            Timer next;
            synchronized (timers) {
                next = timers.peek();
                if (next == null || System.nanoTime() - next.deadline() < 0) return;
                timers.poll();
            }
            Timer t = next;
            runTimed(t.name(), () -> {
                try {
                    t.body().run();
                } catch (Throwable e) {
                    t.done().completeExceptionally(e);
                    throw e;
                }
                t.done().complete(null);
            });
        }
    }

    private void runTimed(String name, Runnable task) {
        long start = System.nanoTime();
        try {
            task.run();
        } catch (Throwable e) {
            setup.listener().failed(name, e);
        }
        long ran = System.nanoTime() - start;
        if (ran > setup.blockLimit().toNanos()) setup.listener().blocked(name, Duration.ofNanos(ran));
    }
}
