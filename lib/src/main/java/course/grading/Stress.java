package course.grading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stress helpers for graded tests: threads released together by a barrier, bounded by a deadline
 * (a deadlock or a hang becomes a failure naming the threads and locks), rounds repeated within
 * a time budget (shrunk when {@code COURSE_QUICK} is set).
 */
public final class Stress {

    private Stress() {
    }

    /** The body one racing thread runs; {@code index} counts from 0. */
    @FunctionalInterface
    public interface Body {
        /** Runs the thread's share of the work. */
        void run(int index) throws Exception;
    }

    /** True when {@code COURSE_QUICK} is set (CI, tests): budgets shrink. */
    public static boolean quick() {
        String v = System.getenv("COURSE_QUICK");
        return v != null && !v.isBlank() && !v.equals("0");
    }

    /** {@code budget}, or a quarter of it under {@code COURSE_QUICK}. */
    public static Duration budget(Duration budget) {
        return quick() ? budget.dividedBy(4) : budget;
    }

    /**
     * Runs {@code round} repeatedly until {@code budget} (see {@link #budget}) is spent or
     * {@code maxRounds} rounds ran; always at least one round. Returns the number of rounds.
     */
    public static int repeat(Duration budget, int maxRounds, Body round) throws Exception {
        long deadline = System.nanoTime() + budget(budget).toNanos();
        int rounds = 0;
        do {
            round.run(rounds++);
        } while (rounds < maxRounds && System.nanoTime() < deadline);
        return rounds;
    }

    /**
     * Starts {@code threads} platform threads named {@code name-1 .. name-N}, releases them
     * together through a barrier, runs {@code body(i)} in each and waits for all of them until
     * {@code timeout}. A thread that throws fails the race with that exception; threads still
     * running at the deadline fail it with a deadlock report ({@link Deadlocks}) or, if there is no
     * cycle, with what each stuck thread waits for. Stuck threads are daemons and interrupted.
     *
     * @param labels lock objects mapped to names for the report (e.g. accounts to "A", "B")
     */
    public static void race(String name, int threads, Duration timeout, Map<Object, String> labels, Body body)
            throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread t = new Thread(() -> {
                try {
                    barrier.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    body.run(index);
                } catch (BrokenBarrierException | TimeoutException | InterruptedException e) {
                    // another thread failed first, or the race was abandoned
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    barrier.reset();
                }
            }, name + "-" + (i + 1));
            t.setDaemon(true);
            started.add(t);
        }
        started.forEach(Thread::start);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : started) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Duration.ofNanos(left));
            }
        }
        List<Thread> stuck = started.stream().filter(Thread::isAlive).toList();
        if (!stuck.isEmpty()) {
            String report = Deadlocks.find(stuck, labels).orElseGet(() -> "hang: " + stuck.size() + " of " + threads
                    + " threads still running after " + seconds(timeout) + ": " + Deadlocks.describeStuck(stuck, labels));
            stuck.forEach(Thread::interrupt);
            throw new AssertionError(report);
        }
        rethrow(failure.get());
    }

    /**
     * Runs {@code call} in its own daemon thread named {@code name} and waits at most
     * {@code timeout}; on timeout fails with what the thread is stuck on.
     */
    public static <T> T bounded(String name, Duration timeout, Map<Object, String> labels, Callable<T> call)
            throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        FutureTask<T> task = new FutureTask<>(call);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            String report = Deadlocks.findSince(before, labels)
                    .orElseGet(() -> "hang: " + name + " did not finish within " + seconds(timeout) + ": "
                            + Deadlocks.describeStuck(List.of(t), labels));
            t.interrupt();
            throw new AssertionError(report);
        } catch (ExecutionException e) {
            rethrow(e.getCause());
            throw new AssertionError("unreachable");
        }
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void rethrow(Throwable t) throws Exception {
        if (t == null) {
            return;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t instanceof Exception e) {
            throw e;
        }
        throw new AssertionError(t);
    }
}
