// kind: correct
// about: a DelayQueue of Delayed jobs ordered by (deadline, sequence): take() does the waiting and the waking; close() puts a stop job behind what is due
// ==== cell 12-event-loops-and-async-io-06
class MyEventLoop implements EventLoop {
    /** A task (due at once) or a timer; a stop job ends the loop. */
    private record Job(String name, long deadline, long seq, Runnable body, CompletableFuture<Void> done)
            implements Delayed {
        public long getDelay(TimeUnit unit) {
            return unit.convert(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        public int compareTo(Delayed other) {
            Job o = (Job) other;
            return deadline != o.deadline ? Long.signum(deadline - o.deadline) : Long.compare(seq, o.seq);
        }
    }

    private final Setup setup;
    private final DelayQueue<Job> queue = new DelayQueue<>();
    private long seq;                        // guarded by this
    private boolean closed;                  // guarded by this
    private final Thread thread;

    MyEventLoop(Setup setup) {
        this.setup = setup;
        this.thread = Thread.ofPlatform().name(setup.threadName()).start(this::run);
    }

    public void execute(String name, Runnable task) {
        add(name, System.nanoTime(), task);
    }

    public CompletableFuture<Void> scheduleAt(String name, long deadline, Runnable task) {
        return add(name, deadline, task);
    }

    private synchronized CompletableFuture<Void> add(String name, long deadline, Runnable task) {
        if (closed) throw new RejectedExecutionException("the loop is closed: cannot take " + name);
        Job job = new Job(name, deadline, seq++, task, new CompletableFuture<>());
        queue.add(job);
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
        List<Job> notDue = new ArrayList<>();
        synchronized (this) {
            if (!closed) {
                closed = true;
                long now = System.nanoTime();
                for (Job j : queue) {
                    if (now - j.deadline() < 0) notDue.add(j);
                }
                queue.removeAll(notDue);
                queue.add(new Job("stop", now, seq++, null, null));   // after every job due by now
            }
        }
        notDue.forEach(j -> j.done().cancel(false));
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing the loop", e);
        }
    }

    private void run() {
        while (true) {
            Job job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                continue;                        // only the stop job ends the loop
            }
            if (job.body() == null) return;
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
}
