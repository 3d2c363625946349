package course.exercises.liveness;

import course.grading.Deadlocks;
import course.grading.Feedback;
import course.grading.Locks;
import course.trace.StateTimeline;
import course.trace.ThreadStates;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded working shift in a {@link Warehouse}: clerks ({@code clerk-1 .. clerk-N}, platform threads
 * released together) each open orders for random items and cancel them again, an auditor checks
 * every audit while they work, and a watchdog ends the shift at the time limit whatever the
 * warehouse does. At the limit, threads still waiting for locks are described as in a thread dump
 * (which thread holds which lock and waits for which, by the warehouse's field names), the others
 * by what they are doing; then every thread is interrupted and joined (one that ignores the
 * interrupt is left behind as a daemon and named in the report).
 *
 * <pre>{@code
 * ShiftReport report = Shift.of(DepotV1::new).timeline(true).run();
 * System.out.println(report.summary());
 * }</pre>
 *
 * <p>The courier the warehouse gets sleeps about a millisecond per call and counts how many calls
 * overlap. Each clerk keeps up to three orders open, so stock runs short and some orders are
 * refused. A clerk that has done its quota goes on working until every clerk has done its own.
 */
public final class Shift {

    /** Opens the warehouse under test with the shift's stock and courier. */
    @FunctionalInterface
    public interface Opening {
        /** A new warehouse holding {@code stock} and calling {@code courier}. */
        Warehouse open(int[] stock, Courier courier) throws Exception;
    }

    /** The units in stock per item at the start of every shift. */
    static final int[] STOCK = {6, 6, 6, 6};
    private static final int OPEN_ORDERS = 3;
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final Opening opening;
    private int clerks = 4;
    private int auditors = 1;
    private int quota = 60;
    private Duration limit = Duration.ofSeconds(2);
    private Duration courierTime = Duration.ofMillis(1);
    private boolean timeline;

    private Shift(Opening opening) {
        this.opening = Objects.requireNonNull(opening, "opening");
    }

    /** A shift of 4 clerks, 60 operations each, stopped after at most 2 s. */
    public static Shift of(Opening opening) {
        return new Shift(opening);
    }

    /** How many clerks work at once (1 to 16). */
    public Shift clerks(int clerks) {
        if (clerks < 1 || clerks > 16) {
            throw new IllegalArgumentException("clerks must be 1 to 16, not " + clerks);
        }
        this.clerks = clerks;
        return this;
    }

    /** How many auditors audit at once (1 to 4); with a slow courier they pause about 50 µs between audits. */
    public Shift auditors(int auditors) {
        if (auditors < 1 || auditors > 4) {
            throw new IllegalArgumentException("auditors must be 1 to 4, not " + auditors);
        }
        this.auditors = auditors;
        return this;
    }

    /** Operations (order or cancel calls) each clerk must complete. */
    public Shift quota(int quota) {
        if (quota < 1) {
            throw new IllegalArgumentException("quota must be at least 1, not " + quota);
        }
        this.quota = quota;
        return this;
    }

    /** The longest the shift may last before the watchdog ends it (0.1 s to 10 s). */
    public Shift limit(Duration limit) {
        if (limit.toMillis() < 100 || limit.toSeconds() > 10) {
            throw new IllegalArgumentException("the limit must be 0.1 s to 10 s, not " + limit);
        }
        this.limit = limit;
        return this;
    }

    /** How long each courier call takes (default 1 ms; zero: the courier answers at once). */
    public Shift courierTime(Duration time) {
        this.courierTime = Objects.requireNonNull(time, "time");
        return this;
    }

    /** Whether to record a thread-state timeline of the shift ({@link ShiftReport#timeline()}). */
    public Shift timeline(boolean record) {
        this.timeline = record;
        return this;
    }

    /** Runs the shift; returns within about the limit plus two seconds, whatever the warehouse does. */
    public ShiftReport run() throws Exception {
        Desk desk = new Desk(courierTime.toNanos());
        Warehouse warehouse = opening.open(STOCK.clone(), desk);
        if (warehouse == null) {
            throw new IllegalArgumentException("the opening returned no warehouse (null)");
        }
        Run run = new Run(warehouse, desk);
        if (!timeline) {
            run.go();
            return run.report(null);
        }
        StateTimeline states = ThreadStates.sample().during(() -> run.go());
        StateTimeline ours = new StateTimeline(states.rows().stream().filter(r -> run.names.contains(r.thread())).toList(),
                states.interval(), states.samples(), states.elapsed(), states.cpus(), states.truncated());
        return run.report(ours);
    }

    /** The courier: sleeps, counts calls and their overlap, remembers the ids. */
    private static final class Desk implements Courier {
        final long nanos;
        final Set<Integer> booked = ConcurrentHashMap.newKeySet();
        final Set<Integer> collected = ConcurrentHashMap.newKeySet();
        final AtomicInteger inCall = new AtomicInteger();
        final AtomicInteger maxInCall = new AtomicInteger();
        final AtomicLong calls = new AtomicLong();

        Desk(long nanos) {
            this.nanos = nanos;
        }

        @Override
        public void book(int id) throws InterruptedException {
            call();
            booked.add(id);
        }

        @Override
        public void collect(int id) throws InterruptedException {
            call();
            collected.add(id);
        }

        private void call() throws InterruptedException {
            maxInCall.accumulateAndGet(inCall.incrementAndGet(), Math::max);
            try {
                if (nanos > 0) {
                    Thread.sleep(Duration.ofNanos(nanos));
                } else if (Thread.interrupted()) {
                    throw new InterruptedException("the shift is over");
                }
            } finally {
                inCall.decrementAndGet();
            }
            calls.incrementAndGet();
        }
    }

    /** One shift's threads and what they saw. */
    private final class Run {
        final Warehouse warehouse;
        final Desk desk;
        final Map<Object, String> labels;
        final AtomicLongArray done = new AtomicLongArray(clerks);
        final AtomicInteger clerksDone = new AtomicInteger();
        final AtomicLong audits = new AtomicLong();
        final AtomicInteger nextId = new AtomicInteger();
        final List<String> violations = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new ArrayList<>();
        final Set<String> names = ConcurrentHashMap.newKeySet();
        final CountDownLatch start = new CountDownLatch(1);
        volatile boolean stop;
        volatile boolean clerksOver;
        volatile boolean auditingLast;
        boolean finished;
        long elapsedNanos;
        String hang = "";
        String busy = "";
        List<String> unresponsive = List.of();

        Run(Warehouse warehouse, Desk desk) {
            this.warehouse = warehouse;
            this.desk = desk;
            this.labels = Locks.named(warehouse);
        }

        /** Records a broken rule, unless the watchdog has begun stopping the shift (interrupted calls end half-way). */
        void violation(String format, Object... args) {
            if (stop && !auditingLast) {
                return;
            }
            if (violations.size() < 4) {
                violations.add(format.formatted(args));
            }
        }

        void failure(String who, Throwable e) {
            if (failures.size() < 4) {
                failures.add(who + ": " + Feedback.describe(e));
            }
        }

        void go() throws InterruptedException {
            List<Thread> clerkThreads = new ArrayList<>();
            for (int c = 0; c < clerks; c++) {
                int me = c;
                clerkThreads.add(thread("clerk-" + (c + 1), () -> clerk(me)));
            }
            List<Thread> auditorThreads = new ArrayList<>();
            for (int a = 0; a < auditors; a++) {
                String name = auditors == 1 ? "auditor" : "auditor-" + (a + 1);
                auditorThreads.add(thread(name, () -> auditor(name)));
            }
            long t0 = System.nanoTime();
            threads.forEach(Thread::start);
            start.countDown();
            joinUntil(clerkThreads, t0 + limit.toNanos());
            clerksOver = true;
            List<Thread> alive = clerkThreads.stream().filter(Thread::isAlive).toList();
            if (alive.isEmpty()) {
                for (Thread a : auditorThreads) {
                    a.join(GRACE);
                }
            }
            elapsedNanos = System.nanoTime() - t0;
            List<Thread> aliveAll = threads.stream().filter(Thread::isAlive).toList();
            if (!alive.isEmpty()) {
                diagnose(aliveAll);
            }
            finished = alive.isEmpty() && failures.isEmpty() && allMetQuota();
            stop = true;
            aliveAll.forEach(Thread::interrupt);
            joinUntil(threads, System.nanoTime() + GRACE.toNanos());
            unresponsive = threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
            if (alive.isEmpty() && unresponsive.isEmpty()) {
                finalAudit();
            }
        }

        private boolean allMetQuota() {
            for (int c = 0; c < clerks; c++) {
                if (done.get(c) < quota) {
                    return false;
                }
            }
            return true;
        }

        private Thread thread(String name, Runnable body) {
            Thread t = Thread.ofPlatform().name(name).daemon(true).unstarted(body);
            threads.add(t);
            names.add(name);
            return t;
        }

        /** At the limit: a deadlock, threads all waiting for locks and going nowhere, or threads still busy. */
        private void diagnose(List<Thread> alive) throws InterruptedException {
            String cycle = Deadlocks.find(alive, labels).orElse("");
            if (!cycle.isEmpty()) {
                hang = cycle;
                return;
            }
            long before = progress();
            Thread.sleep(100);
            boolean moved = progress() != before;
            if (!moved && alive.stream().allMatch(Shift::waitsForLock)) {
                hang = "every thread left waits for a lock that is never released: " + Deadlocks.describeStuck(alive, labels);
            } else {
                busy = Deadlocks.describeStuck(alive, labels);
            }
        }

        private long progress() {
            long sum = desk.calls.get() + audits.get();
            for (int c = 0; c < clerks; c++) {
                sum += done.get(c);
            }
            return sum;
        }

        private void clerk(int me) {
            String name = "clerk-" + (me + 1);
            Random random = new Random(7919L * (me + 1));
            ArrayDeque<int[]> open = new ArrayDeque<>();
            try {
                start.await();
                while (!stop && !(done.get(me) >= quota && clerksDone.get() == clerks)) {
                    int id = nextId.incrementAndGet();
                    int item = random.nextInt(STOCK.length);
                    int qty = 1 + random.nextInt(3);
                    boolean ok = warehouse.order(id, item, qty);
                    count(me);
                    if (ok) {
                        if (!desk.booked.contains(id)) {
                            violation("order(%d, %d, %d) returned true, but courier.book(%d) was never called", id, item, qty, id);
                        }
                        open.add(new int[] {id, item, qty});
                    } else if (random.nextInt(4) == 0) {
                        if (warehouse.cancel(id)) {
                            violation("cancel(%d) returned true, but order %d was refused (order returned false): nothing to cancel", id, id);
                        }
                        count(me);
                    }
                    if (open.size() >= OPEN_ORDERS || !ok && !open.isEmpty()) {
                        cancel(open.poll());
                        count(me);
                    }
                }
                while (!open.isEmpty() && !stop) {
                    cancel(open.poll());
                }
            } catch (InterruptedException e) {
                if (!stop) {
                    failure(name, e);
                }
            } catch (Throwable e) {
                failure(name, e);
            }
        }

        private void count(int me) {
            if (done.incrementAndGet(me) == quota) {
                clerksDone.incrementAndGet();
            }
        }

        private void cancel(int[] order) throws InterruptedException {
            if (!warehouse.cancel(order[0])) {
                violation("cancel(%d) returned false, but order %d (%d units of item %d) was open", order[0], order[0], order[2], order[1]);
            } else if (!desk.collected.contains(order[0])) {
                violation("cancel(%d) returned true, but courier.collect(%d) was never called", order[0], order[0]);
            }
        }

        private void auditor(String name) {
            try {
                start.await();
                while (!stop && !clerksOver) {
                    check(warehouse.audit(), false);
                    audits.incrementAndGet();
                    if (desk.nanos > 0) {
                        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));   // with a fast courier: full speed
                    }
                }
            } catch (InterruptedException e) {
                if (!stop) {
                    failure(name, e);
                }
            } catch (Throwable e) {
                failure(name, e);
            }
        }

        /** The audit after every clerk ended: all orders were cancelled, so everything is back in stock. */
        private void finalAudit() throws InterruptedException {
            auditingLast = true;
            Thread t = thread("auditor-final", () -> {
                try {
                    check(warehouse.audit(), true);
                } catch (Throwable e) {
                    failure("the final audit", e);
                }
            });
            t.start();
            t.join(GRACE);
            if (t.isAlive()) {
                violation("the final audit, after every clerk had ended, did not return within %d ms: a lock was never"
                        + " released (%s)", GRACE.toMillis(), Deadlocks.describeStuck(List.of(t), labels));
                t.interrupt();
            }
        }

        void check(Warehouse.Audit audit, boolean last) {
            if (audit == null) {
                violation("audit() returned null");
                return;
            }
            int[] stock = audit.stock();
            int[] reserved = audit.reserved();
            if (stock.length != STOCK.length || reserved.length != STOCK.length) {
                violation("audit() returned %d stock and %d reserved counts for %d items", stock.length, reserved.length, STOCK.length);
                return;
            }
            for (int i = 0; i < STOCK.length; i++) {
                if (stock[i] < 0) {
                    violation("oversold: an audit saw %d units of item %d in stock (%s): two orders took the same units"
                            + " (check the stock and take it in one critical section)", stock[i], i, audit);
                    return;
                }
                if (stock[i] + reserved[i] != STOCK[i] || reserved[i] < 0) {
                    violation("inconsistent audit: %s; item %d has %d in stock + %d reserved = %d units, not %d (an order"
                            + " was seen half-done: the stock and the open orders must change together, and audit must"
                            + " read both at one moment)", audit, i, stock[i], reserved[i], stock[i] + reserved[i], STOCK[i]);
                    return;
                }
                if (last && reserved[i] != 0) {
                    violation("after every order was cancelled, the final audit still sees %s", audit);
                    return;
                }
            }
        }

        ShiftReport report(StateTimeline states) {
            List<Long> perClerk = new ArrayList<>();
            for (int c = 0; c < clerks; c++) {
                perClerk.add(done.get(c));
            }
            return new ShiftReport(quota, perClerk, desk.calls.get(), desk.maxInCall.get(), audits.get(), violations,
                    failures, finished, Duration.ofNanos(elapsedNanos), hang, busy, unresponsive,
                    Runtime.getRuntime().availableProcessors(), states);
        }
    }

    /** Joins each of {@code threads} until {@code deadline} (a {@link System#nanoTime} value) at the latest. */
    private static void joinUntil(List<Thread> threads, long deadline) throws InterruptedException {
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Duration.ofNanos(left));
            }
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** True when {@code t} is blocked or parked on a lock (not sleeping, not running). */
    static boolean waitsForLock(Thread t) {
        ThreadInfo info = THREADS.getThreadInfo(t.threadId(), 1);
        if (info == null) {
            return false;
        }
        return switch (info.getThreadState()) {
            case BLOCKED -> true;
            case WAITING, TIMED_WAITING -> info.getLockInfo() != null
                    && Arrays.stream(info.getStackTrace()).findFirst().map(f -> f.getMethodName().startsWith("park")).orElse(false);
            default -> false;
        };
    }
}
