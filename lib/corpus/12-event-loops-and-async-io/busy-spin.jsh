// kind: bug
// bug_class: busy-spin: the idle loop polls its inbox in a loop and burns a core
// expect_fail: idleLoopUsesNoCpu
// feedback: busy-spin
// about: a ConcurrentLinkedQueue inbox drained by the loop, which never waits: onSpinWait and look again
// ==== cell 12-event-loops-and-async-io-06
class MyEventLoop implements EventLoop {
    private record Job(String name, long deadline, long seq, Runnable body, CompletableFuture<Void> done) {
    }

    private final Setup setup;
    private final Queue<Job> inbox = new ConcurrentLinkedQueue<>();     // other threads hand work in here
    private final ArrayDeque<Job> ready = new ArrayDeque<>();              // only the loop thread touches these two
    private final PriorityQueue<Job> timers = new PriorityQueue<>((a, b) -> a.deadline() != b.deadline()
            ? Long.signum(a.deadline() - b.deadline()) : Long.compare(a.seq(), b.seq()));
    private final AtomicLong seq = new AtomicLong();
    private volatile boolean closed;
    private final Thread thread;

    MyEventLoop(Setup setup) {
        this.setup = setup;
        this.thread = Thread.ofPlatform().name(setup.threadName()).start(this::run);
    }

    public void execute(String name, Runnable task) {
        if (closed) throw new RejectedExecutionException("the loop is closed: cannot take " + name);
        inbox.add(new Job(name, 0, seq.getAndIncrement(), task, new CompletableFuture<>()));
    }

    public CompletableFuture<Void> scheduleAt(String name, long deadline, Runnable task) {
        if (closed) throw new RejectedExecutionException("the loop is closed: cannot take " + name);
        Job job = new Job(name, deadline, seq.getAndIncrement(), task, new CompletableFuture<>());
        inbox.add(job);
        return job.done();
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
        if (closed) return;
        closed = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            for (Job j; (j = inbox.poll()) != null; ) (j.deadline() == 0 ? ready : timers).add(j);
            long now = System.nanoTime();
            Job head = timers.peek();
            if (head != null && (now - head.deadline() >= 0 || closed)) {
                timers.poll();
                if (now - head.deadline() >= 0) ready.add(head);
                else head.done().cancel(false);
                continue;
            }
            Job job = ready.poll();
            if (job != null) {
                runOne(job);
            } else if (closed && inbox.isEmpty()) {
                return;
            } else {
                Thread.onSpinWait();                       // nothing to do yet: look again
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
