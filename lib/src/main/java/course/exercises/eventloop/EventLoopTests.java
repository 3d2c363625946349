package course.exercises.eventloop;

import static course.grading.Feedback.require;

import course.grading.Deadlocks;
import course.grading.DependsOn;
import course.grading.Feedback;
import course.grading.Graded;
import course.grading.Inconclusive;
import course.grading.Locks;
import course.grading.Points;
import course.grading.Stress;
import course.grading.Submission;
import course.server.LocalServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 12-event-loops-and-async-io. Threads, order and time are observed by the tasks themselves; timing
 * checks compare with deadlines (never early) or use margins of a second or more, so they hold on one CPU and under load.
 */
@Graded("12-event-loops-and-async-io")
public class EventLoopTests {

    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(3);
    private static final Duration NO_WATCHDOG = Duration.ofSeconds(5);
    private static final long MS = 1_000_000L;

    /** What the loop told the grader's listener. */
    private static final class Heard implements EventLoop.Listener {
        final Map<String, Throwable> failed = new ConcurrentHashMap<>();
        final List<String> blocked = new CopyOnWriteArrayList<>();
        final List<Duration> blockedFor = new CopyOnWriteArrayList<>();

        @Override
        public void failed(String task, Throwable error) {
            failed.put(String.valueOf(task), error == null ? new NullPointerException("null error") : error);
        }

        @Override
        public void blocked(String task, Duration ran) {
            blocked.add(String.valueOf(task));
            blockedFor.add(ran == null ? Duration.ZERO : ran);
        }
    }

    /** The student's loop, built with a thread name and a block limit; closing it is bounded. */
    private static final class Probe implements AutoCloseable {
        final String name;
        final Heard heard = new Heard();
        final EventLoop loop;

        Probe(String name, Duration blockLimit) {
            this.name = name;
            this.loop = Submission.create(EventLoop.class, new EventLoop.Setup(name, blockLimit, heard));
        }

        /** The thread that runs the loop's tasks, found by running one. */
        Thread loopThread() throws Exception {
            CompletableFuture<Thread> seen = new CompletableFuture<>();
            loop.execute("which-thread", () -> seen.complete(Thread.currentThread()));
            return await(seen, "the first task given to execute()");
        }

        @Override
        public void close() throws Exception {
            closeWithin(loop, CLOSE_LIMIT);
        }
    }

    private static long closeWithin(EventLoop loop, Duration limit) throws Exception {
        long start = System.nanoTime();
        try {
            Stress.bounded("close", limit, Map.of(), () -> {
                loop.close();
                return null;
            });
        } catch (AssertionError e) {
            if (String.valueOf(e.getMessage()).startsWith("hang")) {
                throw new AssertionError("close() did not return within " + limit.toSeconds() + " s: it waits for timers"
                        + " that are not due (cancel them), or for a loop thread that never ends; " + e.getMessage(), e);
            }
            throw e;
        }
        return (System.nanoTime() - start) / MS;
    }

    private static <T> T await(CompletableFuture<T> f, String what) throws Exception {
        try {
            return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("never ran: " + what + " did not run within " + WAIT.toSeconds() + " s (is the loop"
                    + " thread started, and does it wake up when work arrives?)");
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed: " + Feedback.describe(e.getCause()), e.getCause());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String threadName(Thread t) {
        return t == null ? "no thread" : "\"" + t.getName() + "\"";
    }

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("warm-up: tasks run in submission order, on one platform thread with the given name")
    void tasksInOrderOnOneThread() throws Exception {
        int n = 1_000;
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        try (Probe p = new Probe("event-loop-w", NO_WATCHDOG)) {
            CompletableFuture<Void> last = new CompletableFuture<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                p.loop.execute("task-" + i, () -> {
                    threads.add(Thread.currentThread());
                    order.add(k);
                    if (k == n - 1) {
                        last.complete(null);
                    }
                });
            }
            await(last, "the last of " + n + " tasks");
            require(threads.size() == 1, "tasks ran on %d threads (%s): an event loop runs every task on its one thread",
                    threads.size(), threads.stream().map(Thread::getName).sorted().toList());
            Thread loopThread = threads.iterator().next();
            require(loopThread != Thread.currentThread(), "the tasks ran on the caller's thread: execute() must hand them"
                    + " to the loop thread and return");
            require(loopThread.getName().equals(p.name), "the loop thread is named %s, expected \"%s\" (Setup.threadName)",
                    threadName(loopThread), p.name);
            require(!loopThread.isVirtual(), "the loop runs on a virtual thread: start one platform thread for it");
            for (int i = 0; i < n; i++) {
                require(order.get(i) == i, "order violation: the %d-th task to run was task-%d: tasks must run in the"
                        + " order they were submitted (a FIFO queue)", i, order.get(i));
            }
        }
    }

    @Test
    @Order(2)
    @Points(3)
    @DisplayName("timers fire in deadline order, equal deadlines in the order they were scheduled")
    @DependsOn("tasksInOrderOnOneThread")
    void timersInDeadlineOrderWithTies() throws Exception {
        int n = 300;
        List<Integer> fired = Collections.synchronizedList(new ArrayList<>());
        long[] deadlines = new long[n];
        try (Probe p = new Probe("event-loop-t", NO_WATCHDOG)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch gate = new CountDownLatch(1);
            // hold the loop while the timers are scheduled, so that all of them wait together
            p.loop.execute("gate", () -> {
                holding.countDown();
                try {
                    gate.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            require(holding.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "never ran: the first task did not start within"
                    + " %d s", WAIT.toSeconds());
            long base = System.nanoTime() + 5 * MS;
            Random random = new Random(12);
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                deadlines[i] = base + random.nextInt(8) * 2 * MS;  // 8 distinct deadlines: many ties
                futures.add(p.loop.scheduleAt("timer-" + i, deadlines[i], () -> fired.add(k)));
            }
            gate.countDown();
            await(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)), "every one of " + n + " timers");
        }
        List<Integer> expected = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingLong((Integer k) -> deadlines[k]).thenComparing(k -> k)).toList();
        require(fired.size() == n, "%d of %d timers fired", fired.size(), n);
        long first = java.util.Arrays.stream(deadlines).min().orElse(0);
        for (int i = 0; i < n; i++) {
            int got = fired.get(i);
            int want = expected.get(i);
            if (got == want) {
                continue;
            }
            if (deadlines[got] == deadlines[want]) {
                throw new AssertionError(("ties out of order: timer-%d and timer-%d have the same deadline and timer-%d"
                        + " was scheduled first, yet timer-%d fired first (a PriorityQueue orders equal keys arbitrarily:"
                        + " break ties with a sequence number)").formatted(want, got, want, got));
            }
            throw new AssertionError(("deadline order violated: timer-%d (deadline +%d ms) fired before timer-%d (deadline"
                    + " +%d ms); the first %d timers were in order (take the earliest deadline each time: poll the"
                    + " priority queue, iterating it is not in order)").formatted(got, (deadlines[got] - first) / MS,
                    want, (deadlines[want] - first) / MS, i));
        }
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("a timer never fires before its deadline")
    @DependsOn("tasksInOrderOnOneThread")
    void timersNeverFireEarly() throws Exception {
        int n = 300;
        long[] lateBy = new long[n];
        try (Probe p = new Probe("event-loop-e", NO_WATCHDOG)) {
            Random random = new Random(7);
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int k = i;
                long deadline = start + 2 * MS + random.nextInt(300 * (int) MS);  // anywhere in 2 .. 302 ms, not whole ms
                futures.add(p.loop.scheduleAt("timer-" + i, deadline, () -> lateBy[k] = System.nanoTime() - deadline));
            }
            // a chain of short tasks keeps the loop awake, looking at its timers all the time (even on a busy CPU it
            // runs for a few slices of these 300 ms, and then timers come due while it looks)
            CompletableFuture<Void> timers = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
            Runnable[] chain = new Runnable[1];
            chain[0] = () -> {
                if (!timers.isDone() && System.nanoTime() - start < WAIT.toNanos()) {
                    p.loop.execute("keep-busy", chain[0]);
                }
            };
            p.loop.execute("keep-busy", chain[0]);
            await(timers, "every one of " + n + " timers");
        }
        long onTime = java.util.Arrays.stream(lateBy).filter(late -> late >= 0 && late < MS).count();
        long early = 0;
        long earliest = 0;
        for (long late : lateBy) {
            if (late < 0) {
                early++;
                earliest = Math.min(earliest, late);
            }
        }
        Inconclusive.unless(early > 0 || onTime > 0, "the loop thread never ran within 1 ms of a deadline (the machine"
                + " is too busy), so firing early could not show");
        require(early == 0, "fired early: %d of %d timers ran before their deadline, up to %.3f ms early (a timer is due"
                + " when System.nanoTime() - deadline >= 0; a wait rounded to milliseconds wakes up too soon: check again"
                + " after waking)", early, n, -earliest / 1e6);
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("timers and tasks added from inside callbacks: in order, never inline")
    @DependsOn("tasksInOrderOnOneThread")
    void workAddedFromCallbacks() throws Exception {
        record Key(long deadline, int seq) {
        }
        Comparator<Key> byDeadline = Comparator.comparingLong(Key::deadline).thenComparingInt(Key::seq);
        TreeSet<Key> pending = new TreeSet<>(byDeadline);
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger scheduled = new AtomicInteger();
        AtomicInteger firedCount = new AtomicInteger();
        CompletableFuture<Void> allFired = new CompletableFuture<>();
        int total = 20 * (1 + 2 + 4 + 8);
        Random random = new Random(5);
        try (Probe p = new Probe("event-loop-c", NO_WATCHDOG)) {
            class Spawner {
                void timer(int generation) {
                    long deadline = System.nanoTime() + MS + random.nextInt(25 * (int) MS);   // always in the future
                    Key key = new Key(deadline, scheduled.getAndIncrement());
                    synchronized (pending) {
                        pending.add(key);
                    }
                    p.loop.scheduleAt("gen" + generation + "-" + key.seq(), deadline, () -> fire(key, generation));
                }

                void fire(Key key, int generation) {
                    synchronized (pending) {
                        Key first = pending.first();
                        if (!first.equals(key) && problems.isEmpty()) {
                            problems.add(("deadline order violated: a timer fired while one with an earlier deadline (by"
                                    + " %.3f ms), scheduled from a callback, was due and still waiting").formatted(
                                    (key.deadline() - first.deadline()) / 1e6));
                        }
                        pending.remove(key);
                    }
                    if (generation < 3) {
                        timer(generation + 1);
                        timer(generation + 1);
                    }
                    if (firedCount.incrementAndGet() == total) {
                        allFired.complete(null);
                    }
                }
            }
            Spawner spawner = new Spawner();
            CompletableFuture<List<String>> inlineCheck = new CompletableFuture<>();
            p.loop.execute("root", () -> {
                for (int i = 0; i < 20; i++) {
                    spawner.timer(0);
                }
                List<String> steps = Collections.synchronizedList(new ArrayList<>());
                p.loop.execute("child", () -> {
                    steps.add("child ran");
                    inlineCheck.complete(List.copyOf(steps));
                });
                steps.add("root ended");
            });
            List<String> steps = await(inlineCheck, "a task given to execute() from inside a task");
            require(steps.equals(List.of("root ended", "child ran")), "ran inline: a task given to execute() from inside a running"
                    + " task ran before that task ended (%s); execute() only queues the task, even on the loop thread",
                    steps);
            await(allFired, total + " timers scheduled from callbacks (" + firedCount.get() + " fired so far)");
        }
        require(problems.isEmpty(), "%s", problems.isEmpty() ? "" : problems.getFirst());
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("the waiting loop wakes up for an earlier timer and for a new task")
    @DependsOn("tasksInOrderOnOneThread")
    void wakesUpForNewWork() throws Exception {
        try (Probe p = new Probe("event-loop-k", NO_WATCHDOG)) {
            p.loopThread();
            p.loop.schedule("far", Duration.ofSeconds(4), () -> { });
            sleep(50);                                      // the loop now waits for "far"
            long t0 = System.nanoTime();
            CompletableFuture<Long> near = new CompletableFuture<>();
            p.loop.schedule("near", Duration.ofMillis(20), () -> near.complete(System.nanoTime()));
            Long nearAt = near.completeOnTimeout(null, 1_500, TimeUnit.MILLISECONDS).get();
            require(nearAt != null, "lost wake-up: a timer due in 20 ms, scheduled while the loop waited for a timer 4 s"
                    + " away, had not fired after 1.5 s (wake the waiting loop when a new timer is earlier than the one it"
                    + " waits for)");
            sleep(50);
            long t1 = System.nanoTime();
            CompletableFuture<Long> soon = new CompletableFuture<>();
            p.loop.execute("soon", () -> soon.complete(System.nanoTime()));
            Long soonAt = soon.completeOnTimeout(null, 1_500, TimeUnit.MILLISECONDS).get();
            require(soonAt != null, "lost wake-up: a task given to execute() while the loop waited for a timer 4 s away"
                    + " had not run after 1.5 s (wake the waiting loop when a task arrives)");
            require(nearAt - t0 >= 20 * MS, "fired early: \"near\" ran %.3f ms after it was scheduled 20 ms ahead",
                    (nearAt - t0) / 1e6);
            require(soonAt >= t1, "impossible timing");
        }
    }

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("a task that throws is reported, and the loop goes on on the same thread")
    @DependsOn("tasksInOrderOnOneThread")
    void failingTaskReported() throws Exception {
        try (Probe p = new Probe("event-loop-f", NO_WATCHDOG)) {
            Thread loopThread = p.loopThread();
            RuntimeException boom = new IllegalStateException("planted failure in task boom");
            RuntimeException timerBoom = new IllegalArgumentException("planted failure in timer boom-timer");
            p.loop.execute("boom", () -> {
                throw boom;
            });
            CompletableFuture<Thread> after = new CompletableFuture<>();
            p.loop.execute("after-boom", () -> after.complete(Thread.currentThread()));
            Thread afterThread = after.completeOnTimeout(null, WAIT.toMillis(), TimeUnit.MILLISECONDS).get();
            require(afterThread != null, "the loop died: after the task \"boom\" threw, the next task never ran (the loop"
                    + " thread is %s): catch what a task throws, report it, and go on", loopThread.getState());
            require(afterThread == loopThread, "the exception killed the loop thread %s: the next task ran on %s (catch"
                    + " what a task throws inside the loop, report it, and go on)", threadName(loopThread),
                    threadName(afterThread));
            CompletableFuture<Void> timer = p.loop.schedule("boom-timer", Duration.ofMillis(1), () -> {
                throw timerBoom;
            });
            try {
                timer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                throw new AssertionError("the timer \"boom-timer\" threw, yet its future completed normally: complete it"
                        + " exceptionally with what the task threw");
            } catch (TimeoutException e) {
                throw new AssertionError("the future of the timer \"boom-timer\", which threw, never completed within "
                        + WAIT.toSeconds() + " s (complete it exceptionally with what the task threw)");
            } catch (ExecutionException e) {
                require(e.getCause() == timerBoom, "the timer's future failed with %s, not with what the task threw",
                        Feedback.describe(e.getCause()));
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while ((!p.heard.failed.containsKey("boom") || !p.heard.failed.containsKey("boom-timer"))
                    && System.nanoTime() < deadline) {
                sleep(10);
            }
            require(p.heard.failed.get("boom") == boom, "failure not reported: the task \"boom\" threw, and"
                    + " Listener.failed heard %s (report the name and the exception, then go on)",
                    p.heard.failed.keySet());
            require(p.heard.failed.get("boom-timer") == timerBoom, "failure not reported: the timer \"boom-timer\" threw,"
                    + " and Listener.failed heard %s", p.heard.failed.keySet());
            require(loopThread.isAlive(), "the loop thread ended after a task threw");
        }
    }

    @Test
    @Order(7)
    @Points(2)
    @DisplayName("every task, timer and hopped completion runs on the loop thread")
    @DependsOn("tasksInOrderOnOneThread")
    void confinedToLoopThread() throws Exception {
        try (Probe p = new Probe("event-loop-h", NO_WATCHDOG)) {
            Thread loopThread = p.loopThread();
            Set<String> elsewhere = ConcurrentHashMap.newKeySet();
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                CompletableFuture<Void> ran = new CompletableFuture<>();
                p.loop.execute("task-" + i, () -> {
                    if (Thread.currentThread() != loopThread) {
                        elsewhere.add("task on " + threadName(Thread.currentThread()));
                    }
                    ran.complete(null);
                });
                work.add(ran);
                work.add(p.loop.schedule("timer-" + i, Duration.ofMillis(i % 5), () -> {
                    if (Thread.currentThread() != loopThread) {
                        elsewhere.add("timer on " + threadName(Thread.currentThread()));
                    }
                }));
            }
            await(CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)), "20 tasks and 20 timers");
            require(elsewhere.isEmpty(), "not confined: %s, not on the loop thread %s (one thread runs tasks and timers)",
                    elsewhere, threadName(loopThread));

            CompletableFuture<String> value = new CompletableFuture<>();
            CompletableFuture<String> failure = new CompletableFuture<>();
            CompletableFuture<String> hoppedValue = p.loop.onLoop(value);
            CompletableFuture<String> hoppedFailure = p.loop.onLoop(failure);
            require(hoppedValue != null && hoppedFailure != null, "onLoop returned null");
            CompletableFuture<Thread> valueThread = hoppedValue.thenApply(v -> Thread.currentThread());
            AtomicReference<Throwable> seenError = new AtomicReference<>();
            CompletableFuture<Thread> failureThread = hoppedFailure.handle((v, e) -> {
                seenError.set(e);
                return Thread.currentThread();
            });
            RuntimeException boom = new IllegalStateException("planted failure from the outsider");
            Thread outsider = Thread.ofPlatform().name("outsider").start(() -> {
                value.complete("from the outsider");
                failure.completeExceptionally(boom);
            });
            outsider.join(WAIT.toMillis());
            Thread t1 = await(valueThread, "a callback attached to onLoop(...)'s future");
            Thread t2 = await(failureThread, "a callback attached to onLoop(...)'s future of a failure");
            require(t1 == loopThread && t2 == loopThread, "callbacks on the wrong thread: callbacks attached to"
                    + " onLoop(...)'s future ran on %s and %s, not on the loop thread %s (complete that future inside a"
                    + " task the loop runs, not where the other future completed)", threadName(t1), threadName(t2),
                    threadName(loopThread));
            require("from the outsider".equals(hoppedValue.join()), "onLoop's future holds \"%s\", not the value",
                    hoppedValue.getNow(null));
            boolean sameError = false;
            for (Throwable e = seenError.get(); e != null && !sameError; e = e.getCause() == e ? null : e.getCause()) {
                sameError = e == boom;
            }
            require(sameError, "onLoop's future of a failure must fail with that failure, it gave %s",
                    Feedback.describe(seenError.get()));
        }
    }

    @Test
    @Order(8)
    @Points(2)
    @DisplayName("six threads submit at once for 500 ms: every task runs exactly once, in each thread's order")
    @DependsOn("tasksInOrderOnOneThread")
    void manySubmittersAtOnce() throws Exception {
        int submitters = 6;
        int most = 400_000;
        int ahead = 20_000;                                  // a submitter waits while this many of its tasks are pending
        AtomicIntegerArray[] ran = new AtomicIntegerArray[submitters];
        AtomicIntegerArray ranSoFar = new AtomicIntegerArray(submitters);
        int[] submitted = new int[submitters];
        AtomicInteger outOfOrder = new AtomicInteger();
        int[] lastRun = new int[submitters];
        List<List<CompletableFuture<Void>>> timers = new ArrayList<>();
        for (int s = 0; s < submitters; s++) {
            ran[s] = new AtomicIntegerArray(most);
            timers.add(new ArrayList<>());
            lastRun[s] = -1;
        }
        try (Probe p = new Probe("event-loop-r", NO_WATCHDOG)) {
            p.loopThread();
            try {
                race(p.loop, submitters, most, ahead, ran, ranSoFar, submitted, outOfOrder, lastRun, timers);
            } catch (RuntimeException e) {
                throw new AssertionError("race on the queue: execute() or scheduleAt() threw " + Feedback.describe(e)
                        + " while " + submitters + " threads submitted at once (several threads call execute() while the"
                        + " loop takes tasks: the queue needs a lock, or a concurrent queue)", e);
            }
            CompletableFuture<Void> marker = new CompletableFuture<>();
            p.loop.execute("marker", () -> marker.complete(null));
            List<CompletableFuture<Void>> all = new ArrayList<>();
            timers.forEach(all::addAll);
            all.add(marker);
            CompletableFuture<Void> everything = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
            boolean finished = everything.completeOnTimeout(null, WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((v, e) -> e == null).get() && marker.isDone();
            int total = 0;
            int lost = 0;
            int twice = 0;
            for (int s = 0; s < submitters; s++) {
                total += submitted[s];
                for (int i = 0; i < submitted[s]; i++) {
                    int c = ran[s].get(i);
                    lost += c == 0 ? 1 : 0;
                    twice += c > 1 ? 1 : 0;
                }
            }
            String hint = " (several threads call execute() while the loop takes tasks: the queue needs a lock, or a"
                    + " concurrent queue)";
            require(lost == 0 && twice == 0, "race on the queue: of %,d tasks and timers submitted by %d threads at once,"
                    + " %,d never ran and %,d ran twice%s%s", total, submitters, lost, twice,
                    finished ? "" : "; the loop stopped taking work", hint);
            require(finished, "race on the queue: the loop stopped after %,d tasks were submitted by %d threads at once%s",
                    total, submitters, hint);
            require(outOfOrder.get() == 0, "order violation: %d tasks ran before a task their thread submitted earlier%s",
                    outOfOrder.get(), hint);
        }
    }

    /** The submitters of {@link #manySubmittersAtOnce}: each submits for 500 ms, at most {@code ahead} tasks ahead. */
    private static void race(EventLoop loop, int submitters, int most, int ahead, AtomicIntegerArray[] ran,
            AtomicIntegerArray ranSoFar, int[] submitted, AtomicInteger outOfOrder, int[] lastRun,
            List<List<CompletableFuture<Void>>> timers) throws Exception {
        Stress.race("submitter", submitters, Duration.ofSeconds(8), Map.of(), s -> {
            long end = System.nanoTime() + 500 * MS;         // a window of time, not a count: one CPU interleaves too
            String name = "task-" + s;
            int i = 0;
            for (; i < most && System.nanoTime() < end; i++) {
                while (i - ranSoFar.get(s) > ahead && System.nanoTime() < end) {
                    Thread.yield();
                }
                int k = i;
                Runnable task = () -> {
                    ran[s].incrementAndGet(k);
                    ranSoFar.incrementAndGet(s);
                };
                if (i % 10 == 9) {
                    timers.get(s).add(loop.scheduleAt(name, System.nanoTime(), task));
                } else {
                    loop.execute(name, () -> {
                        synchronized (lastRun) {
                            if (k <= lastRun[s]) {
                                outOfOrder.incrementAndGet();
                            }
                            lastRun[s] = k;
                        }
                        task.run();
                    });
                }
            }
            submitted[s] = i;
        });
    }

    @Test
    @Order(9)
    @Points(2)
    @DisplayName("watchdog: a task that blocks the loop is reported by name; tasks that only waited are not")
    @DependsOn("tasksInOrderOnOneThread")
    void blockingTaskReportedByName() throws Exception {
        Duration limit = Duration.ofMillis(150);
        try (Probe p = new Probe("event-loop-b", limit)) {
            p.loopThread();
            p.loop.execute("slow-one", () -> sleep(450));
            AtomicInteger quick = new AtomicInteger();
            for (int i = 0; i < 20; i++) {
                p.loop.execute("quick-" + i, quick::incrementAndGet);   // they wait 450 ms behind slow-one, run at once
            }
            CompletableFuture<Void> slowTimer = p.loop.schedule("slow-timer", Duration.ofMillis(1), () -> sleep(450));
            await(slowTimer, "the timer \"slow-timer\"");
            CompletableFuture<Void> tail = new CompletableFuture<>();
            p.loop.execute("tail", () -> tail.complete(null));
            await(tail, "a task after the slow ones");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!(p.heard.blocked.contains("slow-one") && p.heard.blocked.contains("slow-timer"))
                    && System.nanoTime() < deadline) {
                sleep(10);
            }
            sleep(50);
            List<String> heard = List.copyOf(p.heard.blocked);
            List<String> falseAlarms = heard.stream().filter(n -> !n.startsWith("slow-")).toList();
            require(falseAlarms.isEmpty(), "false alarm: %s reported as blocking the loop, but each ran in microseconds;"
                    + " they only waited behind \"slow-one\" (time a task from when it starts running, not from when it"
                    + " was submitted or due)", falseAlarms);
            require(heard.contains("slow-one") && heard.contains("slow-timer"), "blocking not reported: \"slow-one\" and"
                    + " \"slow-timer\" each blocked the loop for 450 ms with a block limit of 150 ms, and Listener.blocked"
                    + " heard %s (time every task and timer on the loop thread, from its start to its end)", heard);
            require(Collections.frequency(heard, "slow-one") == 1 && Collections.frequency(heard, "slow-timer") == 1,
                    "each blocking task must be reported once, Listener.blocked heard %s", heard);
            for (int i = 0; i < heard.size(); i++) {
                require(p.heard.blockedFor.get(i).compareTo(limit) >= 0, "\"%s\" was reported with %d ms, less than the"
                        + " block limit of %d ms", heard.get(i), p.heard.blockedFor.get(i).toMillis(), limit.toMillis());
            }
            require(quick.get() == 20, "%d of 20 quick tasks ran", quick.get());
        }
    }

    @Test
    @Order(10)
    @Points(2)
    @DisplayName("an idle loop uses no CPU (measured with the loop thread's CPU time)")
    @DependsOn("tasksInOrderOnOneThread")
    void idleLoopUsesNoCpu() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Inconclusive.unless(mx.isThreadCpuTimeSupported(), "this JVM cannot measure a thread's CPU time");
        if (!mx.isThreadCpuTimeEnabled()) {
            mx.setThreadCpuTimeEnabled(true);
        }
        try (Probe p = new Probe("event-loop-i", NO_WATCHDOG)) {
            Thread loopThread = p.loopThread();
            require(!loopThread.isVirtual(), "the loop runs on a virtual thread: start one platform thread for it");
            long loopCpu = 0;
            long probeCpu = 0;
            long window = 400;
            for (String phase : List.of("empty", "far timer")) {
                if (phase.equals("far timer")) {
                    p.loop.schedule("far", Duration.ofSeconds(5), () -> { });
                }
                sleep(20);
                long before = mx.getThreadCpuTime(loopThread.threadId());
                // a probe thread that spins for the same window: what a spinning loop could get on this machine now
                AtomicLong spun = new AtomicLong();
                Thread probe = Thread.ofPlatform().name("cpu-probe").start(() -> {
                    long end = System.nanoTime() + window * MS;
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                    spun.set(mx.getCurrentThreadCpuTime());
                });
                probe.join();
                long after = mx.getThreadCpuTime(loopThread.threadId());
                require(before >= 0 && after >= 0, "the loop thread ended while idle");
                loopCpu = Math.max(loopCpu, after - before);
                probeCpu = probeCpu == 0 ? spun.get() : Math.min(probeCpu, spun.get());
            }
            Inconclusive.unless(probeCpu >= 10 * MS, "a spinning probe thread got only %d ms of CPU in %d ms: the machine"
                    + " is too busy to tell an idle loop from a spinning one", probeCpu / MS, window);
            require(loopCpu <= Math.max(probeCpu / 4, 5 * MS), "busy-spin: with nothing to do, the loop thread used %d ms"
                    + " of CPU in %d ms (a spinning probe got %d ms): wait (Condition.await, Object.wait, parkNanos,"
                    + " BlockingQueue.poll with a timeout) until work arrives or the next deadline comes", loopCpu / MS,
                    window, probeCpu / MS);
        }
    }

    @Test
    @Order(11)
    @Points(2)
    @DisplayName("close() runs what is due, cancels the rest, joins the loop thread")
    @DependsOn("tasksInOrderOnOneThread")
    void closeRunsDueCancelsRestAndJoins() throws Exception {
        Probe p = new Probe("event-loop-x", NO_WATCHDOG);
        try {
            Thread loopThread = p.loopThread();
            CountDownLatch started = new CountDownLatch(1);
            p.loop.execute("gate", () -> {
                started.countDown();
                sleep(150);
            });
            require(started.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "the task \"gate\" never started");
            int n = 30;
            AtomicInteger ran = new AtomicInteger();
            for (int i = 0; i < n; i++) {
                p.loop.execute("queued-" + i, ran::incrementAndGet);
            }
            AtomicBoolean dueRan = new AtomicBoolean();
            AtomicBoolean laterRan = new AtomicBoolean();
            CompletableFuture<Void> due = p.loop.scheduleAt("due", System.nanoTime(), () -> dueRan.set(true));
            CompletableFuture<Void> later = p.loop.schedule("later", Duration.ofSeconds(10), () -> laterRan.set(true));
            closeWithin(p.loop, CLOSE_LIMIT);
            require(!loopThread.isAlive(), "close() did not join: it returned while the loop thread was still %s (wait for"
                    + " the loop thread to end)", loopThread.getState());
            require(ran.get() == n, "dropped tasks: %d of %d tasks submitted before close() never ran (close() runs what"
                    + " was submitted before it, then stops)", n - ran.get(), n);
            require(dueRan.get() && due.isDone() && !due.isCompletedExceptionally(), "a timer whose deadline had come when"
                    + " close() was called did not run (ran %s, its future %s)", dueRan.get(), due);
            require(!laterRan.get(), "close() ran a timer 10 s away instead of cancelling it");
            require(later.isCancelled(), "pending timer dropped silently: close() must cancel the future of a timer that"
                    + " is not due (whoever waits on it would wait forever); it is %s", later);
            try {
                p.loop.execute("too-late", () -> { });
                throw new AssertionError("execute() after close() must throw RejectedExecutionException; it returned");
            } catch (RejectedExecutionException expected) {
                // right
            }
            closeWithin(p.loop, Duration.ofSeconds(1));
        } finally {
            closeWithin(p.loop, CLOSE_LIMIT);
        }
    }

    /** Sends with a real client; counts requests in flight and the threads that start them. */
    private static final class CountingSender implements LoopHttp.Sender {
        final HttpClient client;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();
        final Set<String> callers = ConcurrentHashMap.newKeySet();

        CountingSender(HttpClient client) {
            this.client = client;
        }

        @Override
        public CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
            callers.add(Thread.currentThread().getName());
            sent.incrementAndGet();
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                inFlight.decrementAndGet();
                completed.incrementAndGet();
            });
        }
    }

    /** Waits for a batch; if it never completes, says what the loop thread is doing (blocked in a task?). */
    private static <T> T awaitBatch(CompletableFuture<T> all, String what,
            Thread loopThread, LoopHttp http) throws Exception {
        try {
            return all.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String mine = Submission.implementation(LoopHttp.class).getName();
            boolean inTask = loopThread.getState() != Thread.State.RUNNABLE && java.util.Arrays.stream(
                    loopThread.getStackTrace()).anyMatch(f -> f.getClassName().startsWith(mine));
            String stuck = !inTask ? ""
                    : "; the loop thread is stuck inside a task: " + Deadlocks.describeStuck(List.of(loopThread),
                            Locks.named(http)) + " (never block the loop: the callbacks that would release it need the"
                            + " loop thread too)";
            throw new AssertionError("never completed: getAll's future (" + what + ") did not complete within "
                    + WAIT.toSeconds() + " s" + stuck);
        } catch (ExecutionException e) {
            throw new AssertionError("getAll's future failed: " + Feedback.describe(e.getCause()), e.getCause());
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @Test
    @Order(12)
    @Points(3)
    @DisplayName("stretch: getAll on the loop: replies in order, at most cap in flight, every request started on the loop")
    @DependsOn("confinedToLoopThread")
    void httpOnTheLoop() throws Exception {
        int cap = 3;
        try (LocalServer server = LocalServer.start(LocalServer.Options.defaults().latency(Duration.ofMillis(100)));
             HttpClient client = client();
             Probe p = new Probe("event-loop-io", NO_WATCHDOG)) {
            Thread loopThread = p.loopThread();
            CountingSender sender = new CountingSender(client);
            LoopHttp http = Submission.create(LoopHttp.class, p.loop, sender);
            List<URI> uris = IntStream.range(0, 12).mapToObj(i -> server.uri("/item/" + i)).toList();
            CompletableFuture<List<LoopHttp.Reply>> all = http.getAll(uris, cap, Duration.ofSeconds(2));
            require(all != null, "getAll returned null");
            boolean doneAtReturn = all.isDone();
            // wait on the dependent, never on `all` itself: a thread waiting in all.get() may run all's dependents
            CompletableFuture<String> completedOn = all.handle((v, e) -> Thread.currentThread().getName());
            require(!doneAtReturn, "getAll blocked its caller: its future was already complete when it returned (12"
                    + " requests of 100 ms, 3 at a time); return the future at once and let the loop do the work");
            String completedThread = awaitBatch(completedOn, "12 requests of 100 ms, cap 3", loopThread, http);
            List<LoopHttp.Reply> replies = awaitBatch(all, "12 requests of 100 ms, cap 3", loopThread, http);
            require(replies.size() == uris.size(), "%d replies for %d URIs", replies.size(), uris.size());
            for (int i = 0; i < uris.size(); i++) {
                LoopHttp.Reply r = replies.get(i);
                require(r != null && r.ok(), "request %d failed although the server was healthy: %s", i, r);
                require(("item " + i).equals(r.body()), "order not kept: reply %d holds \"%s\", expected \"item %d\"", i,
                        r.body(), i);
            }
            require(sender.mostInFlight.get() <= cap, "limit exceeded: %d requests were in flight at once, the cap was %d",
                    sender.mostInFlight.get(), cap);
            require(sender.mostInFlight.get() == cap, "sequential: at most %d request(s) in flight with a cap of %d"
                    + " (start cap requests at once, and a new one whenever one finishes)", sender.mostInFlight.get(), cap);
            require(sender.callers.equals(Set.of(loopThread.getName())), "not confined: requests were started on %s, not"
                    + " only on the loop thread \"%s\" (start the next request in a callback that runs on the loop:"
                    + " hop the response onto it with onLoop)", sender.callers, loopThread.getName());
            require(completedThread.equals(loopThread.getName()), "getAll's future completed on \"%s\", not on the loop"
                    + " thread \"%s\"", completedThread, loopThread.getName());
        }
    }

    @Test
    @Order(13)
    @Points(2)
    @DisplayName("stretch: a timeout and a failure free their place; the batch still completes")
    @DependsOn("httpOnTheLoop")
    void httpTimeoutAndFailureFreeTheirPlace() throws Exception {
        int cap = 2;
        try (LocalServer server = LocalServer.start();
             HttpClient client = client();
             Probe p = new Probe("event-loop-io2", NO_WATCHDOG)) {
            p.loopThread();
            CountingSender sender = new CountingSender(client);
            LoopHttp http = Submission.create(LoopHttp.class, p.loop, sender);
            List<URI> uris = new ArrayList<>(List.of(server.uri("/delay/4000"), server.uri("/fail")));
            for (int i = 0; i < 6; i++) {
                uris.add(server.uri("/item/" + i + "?latency=50"));
            }
            long start = System.nanoTime();
            CompletableFuture<List<LoopHttp.Reply>> all = http.getAll(uris, cap, Duration.ofSeconds(1));
            List<LoopHttp.Reply> replies;
            try {
                replies = all.get(3, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                if (sender.inFlight.get() > 0) {
                    throw new AssertionError(("no timeout: after 3 s getAll still waited for %d response(s), one of them"
                            + " the request that takes 4 s with a timeout of 1 s (give each request its own timeout:"
                            + " HttpRequest.Builder.timeout)").formatted(sender.inFlight.get()));
                }
                throw new AssertionError(("place leaked on failure: with a request that times out and one that fails"
                        + " with status 500, getAll had not completed after 3 s, and only %d of %d requests were ever"
                        + " sent (a failed or timed-out request must still give back its place and count as done)")
                        .formatted(sender.sent.get(), uris.size()));
            }
            long ms = (System.nanoTime() - start) / MS;
            require(replies.size() == uris.size(), "%d replies for %d URIs", replies.size(), uris.size());
            require(replies.get(0) != null && !replies.get(0).ok(), "the request that takes 4 s must fail after its"
                    + " timeout of 1 s, it gave %s", replies.get(0));
            require(replies.get(1) != null && !replies.get(1).ok(), "a status 500 must be a failed reply, it gave %s",
                    replies.get(1));
            for (int i = 2; i < uris.size(); i++) {
                LoopHttp.Reply r = replies.get(i);
                require(r != null && r.ok() && ("item " + (i - 2)).equals(r.body()), "reply %d should be \"item %d\", it"
                        + " is %s", i, i - 2, r);
            }
            require(ms < 2_500, "no timeout: the batch took %d ms; each request needs its own timeout"
                    + " (HttpRequest.Builder.timeout)", ms);
            require(sender.mostInFlight.get() <= cap, "limit exceeded: %d requests were in flight at once, the cap was %d",
                    sender.mostInFlight.get(), cap);
        }
    }
}
