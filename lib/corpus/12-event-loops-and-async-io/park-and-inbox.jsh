// kind: correct
// about: lock-free: other threads hand work in through a ConcurrentLinkedQueue and unpark the loop; the ready deque and the timer heap belong to the loop thread alone; the loop parks until the earliest deadline
// ==== cell 12-event-loops-and-async-io-06
class MyEventLoop implements EventLoop {
    private record Job(String name, long deadline, long seq, boolean timer, Runnable body, CompletableFuture<Void> done) {
    }

    private final Setup setup;
    private final Queue<Job> inbox = new ConcurrentLinkedQueue<>();     // any thread adds, the loop drains
    private final ArrayDeque<Job> ready = new ArrayDeque<>();           // loop thread only
    private final PriorityQueue<Job> timers = new PriorityQueue<>(      // loop thread only
            (a, b) -> a.deadline() != b.deadline() ? Long.signum(a.deadline() - b.deadline()) : Long.compare(a.seq(), b.seq()));
    private final AtomicLong seq = new AtomicLong();
    private volatile boolean closed;
    private final Thread thread;

    MyEventLoop(Setup setup) {
        this.setup = setup;
        this.thread = Thread.ofPlatform().name(setup.threadName()).start(this::run);
    }

    public void execute(String name, Runnable task) {
        hand(new Job(name, 0, seq.getAndIncrement(), false, task, new CompletableFuture<>()));
    }

    public CompletableFuture<Void> scheduleAt(String name, long deadline, Runnable task) {
        Job job = new Job(name, deadline, seq.getAndIncrement(), true, task, new CompletableFuture<>());
        hand(job);
        return job.done();
    }

    /** Adds a job and wakes the loop; a job that lands after the loop's last look is taken back and refused. */
    private void hand(Job job) {
        if (closed) throw new RejectedExecutionException("the loop is closed: cannot take " + job.name());
        inbox.add(job);
        LockSupport.unpark(thread);
        if (closed && inbox.remove(job)) throw new RejectedExecutionException("the loop is closed: cannot take " + job.name());
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
        closed = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void run() {
        while (true) {
            boolean stopping = closed;                     // read before draining: whatever came before is in the inbox
            for (Job j; (j = inbox.poll()) != null; ) (j.timer() ? timers : ready).add(j);
            long now = System.nanoTime();
            while (!timers.isEmpty() && now - timers.peek().deadline() >= 0) ready.add(timers.poll());
            if (stopping) {
                for (Job t; (t = timers.poll()) != null; ) t.done().cancel(false);
                if (ready.isEmpty()) return;
            }
            Job job = ready.poll();
            if (job != null) {
                runOne(job);
            } else if (timers.isEmpty()) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, timers.peek().deadline() - now);
            }
        }
    }

    private void runOne(Job job) {
        long start = System.nanoTime();
        try {
            job.body().run();
            job.done().complete(null);
        } catch (Throwable e) {
            setup.listener().failed(job.name(), e);
            job.done().completeExceptionally(e);
        }
        long ran = System.nanoTime() - start;
        if (ran > setup.blockLimit().toNanos()) setup.listener().blocked(job.name(), Duration.ofNanos(ran));
    }
}
