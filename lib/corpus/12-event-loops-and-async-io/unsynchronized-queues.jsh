// kind: bug
// bug_class: race: plain queues touched by every caller's thread and the loop, without a lock
// expect_fail: manySubmittersAtOnce
// may_fail: tasksInOrderOnOneThread,timersInDeadlineOrderWithTies,timersNeverFireEarly,workAddedFromCallbacks,wakesUpForNewWork,failingTaskReported,confinedToLoopThread,blockingTaskReportedByName,closeRunsDueCancelsRestAndJoins,httpOnTheLoop,httpTimeoutAndFailureFreeTheirPlace
// feedback: race on the queue
// about: execute and scheduleAt add to an ArrayDeque and a PriorityQueue on the caller's thread while the loop polls them; park/unpark to wait
// ==== cell 12-event-loops-and-async-io-06
class MyEventLoop implements EventLoop {
    private record Job(String name, long deadline, long seq, Runnable body, CompletableFuture<Void> done) {
    }

    private final Setup setup;
    private final ArrayDeque<Job> ready = new ArrayDeque<>();
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
        ready.add(new Job(name, 0, seq.getAndIncrement(), task, new CompletableFuture<>()));
        LockSupport.unpark(thread);
    }

    public CompletableFuture<Void> scheduleAt(String name, long deadline, Runnable task) {
        if (closed) throw new RejectedExecutionException("the loop is closed: cannot take " + name);
        Job job = new Job(name, deadline, seq.getAndIncrement(), task, new CompletableFuture<>());
        timers.add(job);
        LockSupport.unpark(thread);
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
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
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
            } else if (closed) {
                return;
            } else if (head == null) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, head.deadline() - now);
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
