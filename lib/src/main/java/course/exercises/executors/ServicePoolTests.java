package course.exercises.executors;

import static course.grading.Feedback.require;

import course.grading.DependsOn;
import course.grading.Feedback;
import course.grading.Graded;
import course.grading.Points;
import course.grading.Stress;
import course.grading.Submission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Grades exercise 06-pools-in-depth. */
@Graded("06-pools-in-depth")
public class ServicePoolTests {

    /** The longest one call to the student's pool may take (a submit that waits longer is "hung"). */
    private static final Duration CALL = Duration.ofSeconds(3);
    /** How long a blocked task of the test waits for its gate before it gives up. */
    private static final long GATE_SECONDS = 6;

    /** A pool under test, with bounded calls and a cleanup that leaves no thread behind. */
    private static final class Pool implements AutoCloseable {
        final ServicePool pool;
        final String name;
        final ServicePool.Settings settings;
        private boolean shutDown;

        Pool(String name, int threads, int capacity, Duration submitTimeout) {
            this.name = name;
            this.settings = new ServicePool.Settings(name, threads, capacity, submitTimeout);
            this.pool = Submission.create(ServicePool.class, settings);
        }

        <T> Future<T> submit(String context, Callable<T> task) throws Exception {
            return bounded("submit", CALL, () -> pool.submit(context, task));
        }

        <T> Future<T> submit(Callable<T> task) throws Exception {
            return submit(null, task);
        }

        ServicePool.ShutdownReport shutdown(Duration grace) throws Exception {
            shutDown = true;
            ServicePool.ShutdownReport report = bounded("shutdown", grace.multipliedBy(2).plus(CALL), () -> pool.shutdown(grace));
            require(report != null, "shutdown returned null instead of a ShutdownReport");
            require(report.notRun() != null, "the ShutdownReport's notRun is null: return an empty list when every task ran");
            return report;
        }

        /** The live threads named {@code name-*} (platform threads, found without taking their stacks). */
        List<Thread> threads() {
            ThreadGroup root = Thread.currentThread().getThreadGroup();
            while (root.getParent() != null) {
                root = root.getParent();
            }
            Thread[] all = new Thread[root.activeCount() + 64];
            int count = root.enumerate(all, true);
            return Arrays.stream(all, 0, count).filter(t -> t.isAlive() && t.getName().startsWith(name + "-")).toList();
        }

        /** Waits up to {@code millis} for every thread named {@code name-*} to end; the ones still alive. */
        List<Thread> joinThreads(long millis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            for (Thread t : threads()) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    t.join(Duration.ofNanos(left));
                }
            }
            return threads();
        }

        @Override
        public void close() throws Exception {
            if (!shutDown) {
                try {
                    Stress.bounded("shutdown", CALL, Map.of(), () -> pool.shutdown(Duration.ofMillis(200)));
                } catch (Throwable e) {
                    // the test's own failure says what went wrong; this is only the clean-up
                }
            }
            for (Thread t : threads()) {
                t.interrupt();
            }
            joinThreads(1_000);
        }
    }

    /** {@code call} in a thread of its own, at most {@code limit}; a hang names what the call is stuck on. */
    private static <T> T bounded(String what, Duration limit, Callable<T> call) throws Exception {
        try {
            return Stress.bounded(what, limit, Map.of(), call);
        } catch (AssertionError e) {
            if (String.valueOf(e.getMessage()).startsWith("hang")) {
                throw new AssertionError("hung: " + what + " did not return within " + limit.toMillis() + " ms: a wait"
                        + " without a limit (put, take, get, await, join) or a wait for something that never comes; "
                        + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** Waits for {@code latch} at most {@code millis}; true if it opened. */
    private static boolean await(CountDownLatch latch, long millis) throws InterruptedException {
        return latch.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Tracks how many of the test's tasks run at once, and the most seen. */
    private static final class Concurrency {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();
        final Set<String> threadNames = ConcurrentHashMap.newKeySet();

        void enter() {
            started.incrementAndGet();
            threadNames.add(Thread.currentThread().getName());
            max.accumulateAndGet(running.incrementAndGet(), Math::max);
        }

        void exit() {
            running.decrementAndGet();
        }
    }

    /** A task that waits for the gate (at most GATE_SECONDS), counted by {@code c}. */
    private static Callable<Integer> blocked(Concurrency c, CountDownLatch gate, int value) {
        return () -> {
            c.enter();
            try {
                gate.await(GATE_SECONDS, TimeUnit.SECONDS);
                return value;
            } finally {
                c.exit();
            }
        };
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /** "w-1 WAITING at FutureTask.get < MyServicePool.submit ...": what each pool thread is doing. */
    private static String dump(List<Thread> threads) {
        List<String> parts = new ArrayList<>();
        for (Thread t : threads) {
            List<String> frames = new ArrayList<>();
            for (StackTraceElement f : t.getStackTrace()) {
                if (f.getClassName().startsWith(ServicePoolTests.class.getName())) {
                    frames.add("the grader's task");              // the test's own code: the rest is the pool's
                    break;
                }
                if (!f.getClassName().startsWith("jdk.internal.") && !f.getClassName().endsWith("LockSupport")) {
                    frames.add(Feedback.where(f));
                }
                if (frames.size() == 4) {
                    break;
                }
            }
            parts.add(t.getName() + " " + t.getState() + (frames.isEmpty() ? "" : " at " + String.join(" < ", frames)));
        }
        return parts.isEmpty() ? "(no thread alive)" : String.join("; ", parts);
    }

    private static boolean waitsOnAFuture(Thread t) {
        return Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals("awaitDone")
                || f.getClassName().endsWith("FutureTask") && f.getMethodName().equals("get"));
    }

    // ------------------------------------------------------------------ warm-up

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("warm-up: NamedThreads names threads prefix-1, prefix-2, ... and does not start them")
    void namedThreads() throws Exception {
        ThreadFactory factory = Submission.create(ThreadFactory.class, "shop");
        AtomicBoolean ran = new AtomicBoolean();
        List<Thread> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(factory.newThread(() -> ran.set(true)));
        }
        List<String> names = made.stream().map(Thread::getName).toList();
        require(names.equals(List.of("shop-1", "shop-2", "shop-3")), "thread names: new NamedThreads(\"shop\") made %s,"
                + " expected [shop-1, shop-2, shop-3] (count from 1, in the order the threads are made)", names);
        require(made.stream().allMatch(t -> t.getState() == Thread.State.NEW), "newThread must return the thread unstarted:"
                + " the pool starts it (a thread started twice throws IllegalThreadStateException)");
        Thread first = made.getFirst();
        first.start();
        first.join(2_000);
        require(ran.get(), "the thread made by newThread(task) did not run the task (pass the Runnable to the Thread)");
        String other = Submission.create(ThreadFactory.class, "cart").newThread(() -> { }).getName();
        require(other.equals("cart-1"), "shared state: after new NamedThreads(\"shop\") made 3 threads, a second factory"
                + " new NamedThreads(\"cart\") named its first thread %s, not cart-1: each factory counts its own threads"
                + " (a static counter is shared by every pool)", other);
        // four threads ask for names at the same time: every name once
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        ThreadFactory shared = Submission.create(ThreadFactory.class, "race");
        Stress.race("namer", 4, Duration.ofSeconds(5), Map.of(), i -> {
            for (int k = 0; k < 500; k++) {
                if (!seen.add(shared.newThread(() -> { }).getName())) {
                    duplicates.incrementAndGet();
                }
            }
        });
        require(duplicates.get() == 0 && seen.size() == 2_000, "lost update: 4 threads made 2000 threads and %d names"
                + " were given twice (the counter's increment is not atomic)", duplicates.get());
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("warm-up: a pool of 2 runs 20 tasks on its own named threads")
    void runsTasks() throws Exception {
        try (Pool p = new Pool("w", 2, 32, Duration.ofSeconds(2))) {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                Future<Integer> f = p.submit(() -> {
                    threads.add(Thread.currentThread().getName());
                    return n * n;
                });
                require(f != null, "submit returned null instead of the task's Future");
                futures.add(f);
            }
            for (int i = 0; i < 20; i++) {
                Integer got;
                try {
                    got = futures.get(i).get(CALL.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError("task " + i + " of 20 did not complete within " + CALL.toMillis() + " ms: its"
                            + " Future never completed (was the task handed to a thread, and is it the same Future?)");
                }
                require(Integer.valueOf(i * i).equals(got), "task %d returned %d but its Future gave %s", i, i * i, got);
            }
            List<String> wrong = threads.stream().filter(n -> !n.matches("w-\\d+")).sorted().toList();
            require(wrong.isEmpty(), "tasks ran on %s, not on the pool's threads named w-1, w-2 (a pool named \"w\"): name"
                    + " the threads with the settings' name, and never run a submitted task on the caller's thread", wrong);
            ServicePool.ShutdownReport report = p.shutdown(Duration.ofSeconds(2));
            require(report.terminated() && p.joinThreads(1_000).isEmpty(), "after shutdown the pool's threads are still"
                    + " alive: %s", dump(p.threads()));
        }
    }

    // ------------------------------------------------------------------ core: threads and queue

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("all N threads run tasks at once, and never more than N threads are alive")
    @DependsOn("runsTasks")
    void threadsBoundedAndUsed() throws Exception {
        int n = 3;
        try (Pool p = new Pool("t", n, 40, Duration.ofSeconds(2))) {
            AtomicInteger maxAlive = new AtomicInteger();
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread watcher = Thread.ofPlatform().daemon().name("thread-watcher").start(() -> {
                while (watching.get()) {
                    maxAlive.accumulateAndGet(p.threads().size(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Concurrency c = new Concurrency();
            CountDownLatch together = new CountDownLatch(n);
            AtomicInteger met = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    futures.add(p.submit(() -> {
                        c.enter();
                        try {
                            together.countDown();
                            if (await(together, 1_500)) {
                                met.incrementAndGet();
                            }
                        } finally {
                            c.exit();
                        }
                        return null;
                    }));
                }
                for (int i = 0; i < 30; i++) {
                    futures.add(p.submit(() -> {
                        c.enter();
                        try {
                            Thread.sleep(1);
                        } finally {
                            c.exit();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(5, TimeUnit.SECONDS);
                }
            } finally {
                watching.set(false);
                watcher.join(1_000);
            }
            require(met.get() == n, "sequential: %d tasks that each wait for the others were submitted to a pool of %d threads,"
                    + " and at most %d ran at the same time (threads seen: %s); a pool that starts with fewer threads and"
                    + " only grows when its queue is full never uses all %d", n, n, c.max.get(), c.threadNames, n);
            require(c.max.get() <= n, "limit exceeded: %d tasks ran at the same time in a pool of %d threads", c.max.get(), n);
            require(maxAlive.get() <= n, "limit exceeded: %d threads named t-* were alive at the same time in a pool of %d",
                    maxAlive.get(), n);
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("a full pool refuses the next task: no queue beyond its capacity, no extra thread, nothing dropped")
    @DependsOn("runsTasks")
    void fullPoolRefuses() throws Exception {
        int n = 2;
        int capacity = 3;
        try (Pool p = new Pool("q", n, capacity, Duration.ofMillis(300))) {
            Concurrency c = new Concurrency();
            CountDownLatch gate = new CountDownLatch(1);
            AtomicIntegerArray runs = new AtomicIntegerArray(n + capacity + 1);
            List<Future<Integer>> accepted = new ArrayList<>();
            try {
                for (int i = 0; i < n + capacity; i++) {
                    int k = i;
                    Callable<Integer> body = blocked(c, gate, k);
                    try {
                        accepted.add(p.submit(() -> {
                            runs.incrementAndGet(k);
                            return body.call();
                        }));
                    } catch (RejectedExecutionException e) {
                        throw new AssertionError("task " + (k + 1) + " of " + (n + capacity) + " was refused, but a pool of " + n
                                + " threads with a queue of " + capacity + " has room for " + (n + capacity) + ": " + e);
                    }
                }
                require(waitUntil(() -> c.started.get() >= n, 2_000), "only %d of the first %d tasks started within 2 s in a"
                        + " pool of %d threads", c.started.get(), n, n);
                AtomicReference<String> ranOn = new AtomicReference<>();
                Future<Integer> extra;
                try {
                    extra = p.submit(() -> {
                        runs.incrementAndGet(n + capacity);
                        ranOn.set(Thread.currentThread().getName());
                        c.enter();
                        c.exit();
                        return -1;
                    });
                } catch (RejectedExecutionException e) {
                    extra = null;  // the contract: refused
                }
                if (extra != null) {
                    waitUntil(() -> ranOn.get() != null, 500);
                    String thread = ranOn.get();
                    require(thread == null || thread.startsWith("q-"), "ran on the submitting thread: the pool was full and"
                            + " the task ran on %s (CallerRunsPolicy); the contract says wait for room, then refuse", thread);
                    require(c.max.get() <= n, "limit exceeded: the pool was full (%d threads busy, %d tasks queued) and it"
                            + " started another thread for the next task: the pool grew past %d threads (a maximum pool size"
                            + " larger than the core size)", n, capacity, n);
                }
                gate.countDown();
                for (Future<Integer> f : accepted) {
                    try {
                        f.get(3, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        // judged below by the runs
                    }
                }
                Thread.sleep(50);
                int firstLost = -1;
                for (int k = 0; k < n + capacity; k++) {
                    if (runs.get(k) == 0 && firstLost < 0) {
                        firstLost = k;
                    }
                    require(runs.get(k) <= 1, "task %d ran %d times", k + 1, runs.get(k));
                }
                require(firstLost < 0, "silent loss: task %d of the %d accepted tasks never ran and no exception said so"
                        + " (DiscardOldestPolicy drops the oldest queued task)", firstLost + 1, n + capacity);
                if (extra != null) {
                    boolean ranLater = runs.get(n + capacity) == 1 || waitUntil(() -> runs.get(n + capacity) == 1, 500);
                    require(!ranLater, "unbounded queue: with %d threads busy and %d tasks queued, one more task was accepted"
                            + " (queued beyond the capacity %d) instead of refused after the submit timeout (300 ms)",
                            n, capacity, capacity);
                    throw new AssertionError("silent loss: with the pool full, submit returned normally, yet its task never"
                            + " ran and no exception said so (DiscardPolicy): refuse with a RejectedExecutionException");
                }
            } finally {
                gate.countDown();
            }
        }
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("back-pressure: a submit on a full pool waits for room, at most the submit timeout, then refuses")
    @DependsOn("fullPoolRefuses")
    void backPressure() throws Exception {
        long timeoutMs = 400;
        try (Pool p = new Pool("b", 1, 1, Duration.ofMillis(timeoutMs))) {
            Concurrency c = new Concurrency();
            CountDownLatch gate = new CountDownLatch(1);
            try {
                p.submit(blocked(c, gate, 0));
                p.submit(blocked(c, gate, 1));
                require(waitUntil(() -> c.started.get() >= 1, 2_000), "the first task did not start within 2 s");
                long t0 = System.nanoTime();
                RejectedExecutionException refused = null;
                try {
                    p.submit(() -> 2);
                } catch (RejectedExecutionException e) {
                    refused = e;
                }
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                require(refused != null, "a submit on a full pool (1 thread busy, queue of 1 full) returned normally after %d ms"
                        + " instead of refusing after the submit timeout (%d ms)", ms, timeoutMs);
                require(ms >= timeoutMs - 40, "no back-pressure: a submit on a full pool was refused after %d ms, before the"
                        + " submit timeout of %d ms: wait for room (AbortPolicy refuses at once)", ms, timeoutMs);
                require(refused.getMessage() != null && !refused.getMessage().isBlank(), "the RejectedExecutionException has no"
                        + " message: say why the task was refused (no room within the timeout)");
            } finally {
                gate.countDown();
            }
        }
        // room that appears during the wait is used
        try (Pool p = new Pool("r", 1, 1, Duration.ofSeconds(5))) {
            Concurrency c = new Concurrency();
            CountDownLatch first = new CountDownLatch(1);
            CountDownLatch rest = new CountDownLatch(1);
            Thread submitter = null;
            try {
                p.submit(blocked(c, first, 0));
                p.submit(blocked(c, rest, 1));
                require(waitUntil(() -> c.started.get() >= 1, 2_000), "the first task did not start within 2 s");
                AtomicBoolean ran = new AtomicBoolean();
                AtomicReference<Throwable> failed = new AtomicReference<>();
                AtomicBoolean returned = new AtomicBoolean();
                submitter = Thread.ofPlatform().daemon().name("submitter").start(() -> {
                    try {
                        p.pool.submit(null, () -> {
                            ran.set(true);
                            return 2;
                        });
                    } catch (Throwable e) {
                        failed.set(e);
                    } finally {
                        returned.set(true);
                    }
                });
                Thread.sleep(200);
                require(!returned.get(), "a submit on a full pool returned at once (%s) instead of waiting up to the submit timeout (5 s)",
                        failed.get() == null ? "accepted" : "refused: " + failed.get());
                first.countDown();                                  // one task ends: room for one
                submitter.join(3_000);
                require(!submitter.isAlive(), "blocked forever: room appeared in the pool 3 s ago and the waiting submit"
                        + " still has not returned: %s", dump(List.of(submitter)));
                require(failed.get() == null, "room appeared during the wait, yet the submit failed: %s",
                        Feedback.describe(failed.get()));
                rest.countDown();
                require(waitUntil(ran::get, 3_000), "the task accepted after waiting for room never ran");
            } finally {
                first.countDown();
                rest.countDown();
                if (submitter != null) {
                    submitter.interrupt();                      // a submit still waiting is abandoned
                }
            }
        }
    }

    // ------------------------------------------------------------------ core: failures and context

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("a task's exception reaches its Future and failures(), even when nobody calls get")
    @DependsOn("runsTasks")
    void failuresReported() throws Exception {
        try (Pool p = new Pool("f", 2, 16, Duration.ofSeconds(2))) {
            List<IllegalStateException> planted = new ArrayList<>();
            List<Future<Integer>> failing = new ArrayList<>();
            List<Future<Integer>> fine = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                IllegalStateException boom = new IllegalStateException("planted failure " + i);
                planted.add(boom);
                failing.add(p.submit(() -> {
                    throw boom;
                }));
                int n = i;
                fine.add(p.submit(() -> n));
            }
            for (Future<Integer> f : fine) {
                f.get(3, TimeUnit.SECONDS);
            }
            Set<Throwable> reported = Collections.newSetFromMap(new IdentityHashMap<>());
            waitUntil(() -> {
                reported.clear();
                List<Throwable> now = p.pool.failures();
                if (now != null) {
                    now.forEach(t -> reported.add(t instanceof ExecutionException && t.getCause() != null ? t.getCause() : t));
                }
                return reported.containsAll(planted);
            }, 2_000);
            long found = planted.stream().filter(reported::contains).count();
            require(found == 3, "exception lost: 3 tasks threw and failures() lists %d of them: %s (a task handed to submit()"
                    + " has its exception caught and kept in its Future: afterExecute sees null, and nobody sees it unless"
                    + " someone calls get; record it where the task runs)", found, p.pool.failures());
            require(reported.size() == 3, "failures() lists %d exceptions, but only 3 tasks threw: %s", reported.size(),
                    p.pool.failures());
            for (int i = 0; i < 3; i++) {
                try {
                    failing.get(i).get(3, TimeUnit.SECONDS);
                    throw new AssertionError("the Future of a task that threw returned normally");
                } catch (ExecutionException e) {
                    require(e.getCause() == planted.get(i), "the Future of the task that threw \"%s\" threw an"
                            + " ExecutionException caused by %s instead", planted.get(i).getMessage(), Feedback.describe(e.getCause()));
                }
            }
        }
    }

    @Test
    @Order(7)
    @Points(2)
    @DisplayName("each task sees its own context, and never one left by the task before it (even one that threw)")
    @DependsOn("runsTasks")
    void contextNeverLeaks() throws Exception {
        try (Pool p = new Pool("c", 1, 16, Duration.ofSeconds(2))) {
            require(p.pool.context() != null && p.pool.context().isEmpty(), "context() outside any task must be empty,"
                    + " it is %s", p.pool.context());
            String[] contexts = {"alice", null, "bob", null, "carol", null, null};
            boolean[] throwing = {false, false, true, false, true, false, false};
            List<Future<Optional<String>>> seen = new ArrayList<>();
            for (int i = 0; i < contexts.length; i++) {
                boolean fail = throwing[i];
                seen.add(p.submit(contexts[i], () -> {
                    Optional<String> mine = p.pool.context();
                    if (fail) {
                        throw new IllegalStateException("planted failure with " + mine);
                    }
                    return mine;
                }));
            }
            for (int i = 0; i < contexts.length; i++) {
                if (throwing[i]) {
                    try {
                        seen.get(i).get(3, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        String msg = String.valueOf(e.getCause().getMessage());
                        String expected = "planted failure with " + Optional.ofNullable(contexts[i]);
                        require(msg.equals(expected), "a task submitted with context \"%s\" saw %s", contexts[i],
                                msg.replace("planted failure with ", ""));
                    }
                    continue;
                }
                Optional<String> got = seen.get(i).get(3, TimeUnit.SECONDS);
                require(got != null, "context() returned null: return Optional.empty() when there is no context");
                if (contexts[i] != null) {
                    require(got.equals(Optional.of(contexts[i])), "a task submitted with context \"%s\" saw %s in context()",
                            contexts[i], got);
                } else if (got.isPresent()) {
                    String before = contexts[i - 1] != null ? contexts[i - 1] : contexts[i - 2];
                    boolean afterThrow = throwing[i - 1] || i >= 2 && contexts[i - 1] == null && throwing[i - 2];
                    throw new AssertionError("context leaked: a task submitted without context saw \"" + got.get()
                            + "\", left on thread c-1 by an earlier task" + (afterThrow ? " that threw" : "")
                            + " (\"" + before + "\"): " + (afterThrow ? "clear the ThreadLocal in a finally block, so it is"
                            + " cleared when the task throws too" : "clear the ThreadLocal (remove()) after every task,"
                            + " also one without context"));
                }
            }
            require(p.pool.context().isEmpty(), "context() in the submitting thread must stay empty, it is %s", p.pool.context());
        }
    }

    // ------------------------------------------------------------------ core: shutdown

    @Test
    @Order(8)
    @Points(2)
    @DisplayName("shutdown lets queued work finish within the grace, then refuses new tasks")
    @DependsOn("runsTasks")
    void shutdownFinishesQueued() throws Exception {
        try (Pool p = new Pool("s", 2, 8, Duration.ofSeconds(2))) {
            AtomicIntegerArray runs = new AtomicIntegerArray(8);
            for (int i = 0; i < 8; i++) {
                int k = i;
                p.submit(() -> {
                    Thread.sleep(30);
                    runs.incrementAndGet(k);
                    return k;
                });
            }
            long t0 = System.nanoTime();
            ServicePool.ShutdownReport report = p.shutdown(Duration.ofSeconds(4));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            int done = 0;
            for (int k = 0; k < 8; k++) {
                done += runs.get(k);
            }
            require(done == 8, "shutdown gave up on queued work: %d of 8 tasks"
                    + " (30 ms each, 2 threads) had run when shutdown returned after %d ms, with a grace of 4 s (wait for"
                    + " the pool to finish: awaitTermination; shutdownNow only after the grace)", done, ms);
            require(report.notRun().isEmpty(), "every task ran, yet the report lists %d as not run", report.notRun().size());
            require(report.terminated(), "every task ran, yet the report says the pool did not terminate");
            List<Thread> alive = p.joinThreads(1_000);
            require(alive.isEmpty(), "threads still alive after shutdown: %s", dump(alive));
            require(ms < 3_000, "shutdown took %d ms though the work was done after about 120 ms: return as soon as the"
                    + " threads end, not after the whole grace", ms);
            boolean refused = false;
            try {
                p.submit(() -> 0);
            } catch (RejectedExecutionException e) {
                refused = true;
            }
            require(refused, "a submit after shutdown was accepted: a shut-down pool refuses new tasks");
        }
    }

    @Test
    @Order(9)
    @Points(2)
    @DisplayName("after the grace, shutdown interrupts running tasks and reports the queued ones that never ran")
    @DependsOn({"shutdownFinishesQueued", "threadsBoundedAndUsed"})
    void shutdownInterruptsAndReports() throws Exception {
        try (Pool p = new Pool("x", 2, 4, Duration.ofSeconds(2))) {
            Concurrency c = new Concurrency();
            AtomicInteger interrupted = new AtomicInteger();
            CountDownLatch never = new CountDownLatch(1);
            try {
                for (int i = 0; i < 2; i++) {
                    p.submit(() -> {
                        c.enter();
                        try {
                            never.await(3, TimeUnit.SECONDS);     // a long task; ends early only when interrupted
                        } catch (InterruptedException e) {
                            interrupted.incrementAndGet();
                        } finally {
                            c.exit();
                        }
                        return null;
                    });
                }
                require(waitUntil(() -> c.started.get() >= 2, 2_000), "the 2 long tasks did not both start within 2 s");
                AtomicIntegerArray queuedRuns = new AtomicIntegerArray(4);
                List<Callable<?>> queued = new ArrayList<>();
                List<Future<?>> queuedFutures = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    int k = i;
                    Callable<Integer> task = () -> {
                        queuedRuns.incrementAndGet(k);
                        return k;
                    };
                    queued.add(task);
                    queuedFutures.add(p.submit(task));
                }
                long t0 = System.nanoTime();
                ServicePool.ShutdownReport report = p.shutdown(Duration.ofMillis(300));
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                require(interrupted.get() == 2, "interruption ignored: after the 300 ms grace %d of the 2 running tasks were"
                        + " interrupted (shutdown returned after %d ms); shutdownNow interrupts them, shutdown alone never does",
                        interrupted.get(), ms);
                Set<Callable<?>> listed = Collections.newSetFromMap(new IdentityHashMap<>());
                listed.addAll(report.notRun());
                Thread.sleep(100);
                int neverRan = 0;
                int reportedQueued = 0;
                for (int k = 0; k < 4; k++) {
                    boolean reported = listed.contains(queued.get(k));
                    require(!reported || queuedRuns.get(k) == 0, "queued task %d is reported as not run, yet it ran", k + 1);
                    neverRan += queuedRuns.get(k) == 0 ? 1 : 0;
                    reportedQueued += reported ? 1 : 0;
                }
                require(reportedQueued == neverRan, "lost work unreported: %d queued tasks never ran and the report lists"
                        + " %d of them (%d entries): keep the tasks shutdownNow returns and report the ones you were given",
                        neverRan, reportedQueued, report.notRun().size());
                require(report.notRun().size() == reportedQueued, "the report lists %d tasks as not run, %d of which were"
                        + " submitted (report the Callables passed to submit, each once)", report.notRun().size(), reportedQueued);
                long pending = queuedFutures.stream().filter(f -> !f.isDone()).count();
                require(pending == 0, "%d Futures of tasks that never ran are not done: a caller waiting on get() waits"
                        + " forever (cancel them)", pending);
                List<Thread> alive = p.joinThreads(1_000);
                require(report.terminated() && alive.isEmpty(), "after shutdown the pool %s and these threads are alive: %s",
                        report.terminated() ? "says it terminated" : "did not terminate", dump(alive));
            } finally {
                never.countDown();
            }
        }
    }

    // ------------------------------------------------------------------ stretch: subtasks

    /** Two outer tasks run together; each submits two subtasks to the same pool and waits for them with get(). */
    private static void outerTasksWaitOnSubtasks(Pool p, String what) throws Exception {
        CountDownLatch together = new CountDownLatch(2);
        AtomicIntegerArray subRuns = new AtomicIntegerArray(4);
        List<Future<Integer>> outer = new ArrayList<>();
        for (int o = 0; o < 2; o++) {
            int id = o;
            outer.add(p.submit(() -> {
                together.countDown();
                await(together, 2_000);
                List<Future<Integer>> subs = new ArrayList<>();
                for (int s = 0; s < 2; s++) {
                    int k = 2 * id + s;
                    subs.add(p.pool.submit(null, () -> {
                        subRuns.incrementAndGet(k);
                        return k;
                    }));
                }
                int sum = 0;
                for (Future<Integer> f : subs) {
                    sum += f.get();
                }
                return sum;
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (int o = 0; o < 2; o++) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                Integer sum = outer.get(o).get(left, TimeUnit.NANOSECONDS);
                require(sum != null && sum == 4 * o + 1, "outer task %d: its subtasks' results add up to %s, expected %d", o,
                        sum, 4 * o + 1);
            } catch (TimeoutException e) {
                List<Thread> threads = p.threads();
                boolean onFutures = threads.stream().anyMatch(ServicePoolTests::waitsOnAFuture);
                throw new AssertionError((onFutures
                        ? "thread-starvation deadlock: " : "a pool thread waits for room in its own full queue: ")
                        + "2 tasks on a pool of 2 threads (" + what + ") each submitted 2 subtasks to the same pool and waited"
                        + " for them; after 3 s they still wait" + (onFutures
                                ? ", every thread blocked in Future.get on a subtask that sits in the queue with no thread"
                                + " left to run it"
                                : ", no thread is left to empty the queue")
                        + ". Pool threads: " + dump(threads));
            } catch (ExecutionException e) {
                throw new AssertionError("outer task " + o + " failed: " + Feedback.describe(e.getCause())
                        + " (a submit from a pool thread must not be refused while the pool runs)", e);
            }
        }
        for (int k = 0; k < 4; k++) {
            require(subRuns.get(k) == 1, "subtask %d ran %d times", k, subRuns.get(k));
        }
    }

    @Test
    @Order(10)
    @Points(3)
    @DisplayName("stretch: tasks that wait on their own subtasks do not starve the pool")
    @DependsOn("threadsBoundedAndUsed")
    void subtasksDoNotStarve() throws Exception {
        try (Pool p = new Pool("d", 2, 16, Duration.ofSeconds(6))) {
            outerTasksWaitOnSubtasks(p, "queue of 16");
        }
    }

    @Test
    @Order(11)
    @Points(2)
    @DisplayName("stretch: a pool thread never waits for room in its own full queue")
    @DependsOn("backPressure")
    void subtasksWithFullQueue() throws Exception {
        try (Pool p = new Pool("e", 2, 1, Duration.ofSeconds(6))) {
            outerTasksWaitOnSubtasks(p, "queue of 1");
        }
    }
}
