// kind: bug
// bug_class: exception swallowed: a failing task is never reported
// expect_fail: failingTaskReported
// feedback: failure not reported
// about: the loop survives a failing task and fails its future, but never tells the listener
// ==== cell 12-event-loops-and-async-io-06
class MyEventLoop implements EventLoop {
    /** A task or a timer: run after every job with an earlier (deadline, seq); a task's deadline does not matter. */
    private record Job(String name, long deadline, long seq, Runnable body, CompletableFuture<Void> done) {
    }

    private final Setup setup;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();                     // signalled whenever work is added
    private final ArrayDeque<Job> ready = new ArrayDeque<>();               // guarded by lock
    private final PriorityQueue<Job> timers = new PriorityQueue<>((a, b) -> a.deadline() != b.deadline()  // guarded by lock
            ? Long.signum(a.deadline() - b.deadline())                      // nanoTime values: compare the difference
            : Long.compare(a.seq(), b.seq()));                              // equal deadlines: first scheduled first
    private long seq;                                                       // guarded by lock
    private boolean closed;                                                 // guarded by lock
    private final Thread thread;

    MyEventLoop(Setup setup) {
        this.setup = setup;
        this.thread = Thread.ofPlatform().name(setup.threadName()).start(this::run);
    }

    public void execute(String name, Runnable task) {
        add(name, 0, task, false);
    }

    public CompletableFuture<Void> scheduleAt(String name, long deadline, Runnable task) {
        return add(name, deadline, task, true);
    }

    public <T> CompletableFuture<T> onLoop(CompletionStage<T> elsewhere) {
        CompletableFuture<T> result = new CompletableFuture<>();
        elsewhere.whenComplete((value, error) -> {          // on whatever thread completed `elsewhere`...
            try {
                execute("onLoop", () -> {                   // ...only hand a task to the loop
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
        if (Thread.currentThread() == thread) throw new IllegalStateException("close() from a task would wait for itself");
        List<Job> cancelled = new ArrayList<>();
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                moveDueTimers(System.nanoTime());
                cancelled.addAll(timers);
                timers.clear();
                wake.signal();
            }
        } finally {
            lock.unlock();
        }
        cancelled.forEach(job -> job.done().cancel(false));
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;                         // finish closing, then keep the interrupt
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private CompletableFuture<Void> add(String name, long deadline, Runnable task, boolean timer) {
        Job job;
        lock.lock();
        try {
            if (closed) throw new RejectedExecutionException("the loop is closed: cannot take " + name);
            job = new Job(name, deadline, seq++, task, new CompletableFuture<>());
            (timer ? timers : ready).add(job);
            wake.signal();                                  // the loop may be waiting for a later deadline
        } finally {
            lock.unlock();
        }
        return job.done();
    }

    /** Moves every timer whose deadline has come to the ready queue, earliest (deadline, seq) first. Holds lock. */
    private void moveDueTimers(long now) {
        while (!timers.isEmpty() && now - timers.peek().deadline() >= 0) ready.add(timers.poll());
    }

    /** The loop thread: take the next job, run it, repeat, until closed and nothing is left. */
    private void run() {
        for (Job job = next(); job != null; job = next()) {
            long start = System.nanoTime();
            try {
                job.body().run();
                job.done().complete(null);
            } catch (Throwable e) {
                job.done().completeExceptionally(e);
            }
            long ran = System.nanoTime() - start;          // from its start: time in the queue does not count
            if (ran > setup.blockLimit().toNanos()) setup.listener().blocked(job.name(), Duration.ofNanos(ran));
        }
    }

    /** The next job to run; waits (using no CPU) until one is ready; null once closed with nothing left. */
    private Job next() {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                moveDueTimers(now);
                if (!ready.isEmpty()) return ready.poll();
                if (closed) return null;
                try {
                    if (timers.isEmpty()) wake.await();
                    else wake.awaitNanos(timers.peek().deadline() - now);
                } catch (InterruptedException e) {
                    // only close() stops the loop; look again
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
