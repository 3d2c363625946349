package course.exercises.vthreads;

import static course.grading.Feedback.require;

import course.grading.DependsOn;
import course.grading.Graded;
import course.grading.Points;
import course.grading.Stress;
import course.grading.Submission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Grades exercise 13-virtual-threads. */
@Graded("13-virtual-threads")
public class VirtualThreadsTests {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    /** Tasks that record how many of them run at once (the high-water mark) and on which kind of thread. */
    private static final class Probe {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger highWater = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final Set<String> platformThreads = ConcurrentHashMap.newKeySet();

        Callable<Integer> task(int i, long sleepMs, boolean fail) {
            return () -> {
                highWater.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    if (!Thread.currentThread().isVirtual()) {
                        platformThreads.add(Thread.currentThread().getName());
                    }
                    if (fail) {
                        throw new IllegalStateException("task " + i + " failed");
                    }
                    Thread.sleep(sleepMs);
                    finished.incrementAndGet();
                    return i * i;
                } finally {
                    running.decrementAndGet();
                }
            };
        }

        List<Callable<Integer>> tasks(int n, long sleepMs) {
            return IntStream.range(0, n).mapToObj(i -> task(i, sleepMs, false)).toList();
        }
    }

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("results come back in input order")
    void keepsOrder() throws Exception {
        BoundedRunner runner = Submission.create(BoundedRunner.class, 10);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int index = i;
            tasks.add(() -> {
                Thread.sleep(2L * (40 - index)); // later tasks finish first
                return "r" + index;
            });
        }
        List<String> out = run(runner, tasks);
        List<String> expected = IntStream.range(0, 40).mapToObj(i -> "r" + i).toList();
        require(out.equals(expected), "order not kept: got %s… for tasks 0, 1, 2, … (collect the results in input order,"
                + " not in completion order)", out.subList(0, Math.min(5, out.size())));
        require(run(runner, List.<Callable<String>>of()).isEmpty(), "no tasks must give an empty list");
    }

    @Test
    @Order(2)
    @Points(3)
    @DisplayName("never more than the limit at once")
    void capNeverExceeded() throws Exception {
        Stress.repeat(Duration.ofMillis(1200), 6, round -> {
            int limit = 3 + round % 4;
            BoundedRunner runner = Submission.create(BoundedRunner.class, limit);
            Probe probe = new Probe();
            run(runner, probe.tasks(150, 2));
            require(probe.highWater.get() <= limit, "limit exceeded: %d tasks ran at once, the limit was %d"
                    + " (every task must hold a permit while it runs)", probe.highWater.get(), limit);
            require(probe.finished.get() == 150, "only %d of 150 tasks ran", probe.finished.get());
        });
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("each task runs on a virtual thread, up to the limit at once")
    void virtualAndConcurrent() throws Exception {
        int limit = 50;
        BoundedRunner runner = Submission.create(BoundedRunner.class, limit);
        Probe probe = new Probe();
        int n = Stress.quick() ? 2_000 : 5_000;
        long start = System.nanoTime();
        List<Integer> out;
        try {
            out = run(runner, probe.tasks(n, 10));
        } catch (AssertionError e) {
            if (String.valueOf(e.getMessage()).startsWith("hang") && probe.highWater.get() < limit / 2) {
                throw new AssertionError(String.format("too cautious: at most %d task(s) ran at once although the limit was %d,"
                        + " so %,d tasks of 10 ms did not finish within %d s; start all tasks and let the permits do the limiting",
                        probe.highWater.get(), limit, n, LIMIT.toSeconds()), e);
            }
            throw e;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        require(probe.platformThreads.isEmpty(), "not virtual: tasks ran on platform thread(s) such as %s (start one virtual"
                + " thread per task: Executors.newVirtualThreadPerTaskExecutor())", probe.platformThreads.stream().findFirst().orElse("?"));
        // order is keepsOrder's concern: here only which results came back
        require(out.size() == n && out.stream().sorted().toList().equals(IntStream.range(0, n).map(i -> i * i).boxed().toList()),
                "wrong results: %d results for %d tasks, not each task's own", out.size(), n);
        require(probe.highWater.get() >= limit / 2, "too cautious: at most %d task(s) ran at once although the limit was %d"
                + " (%,d tasks of 10 ms took %,d ms); start all tasks and let the permits do the limiting",
                probe.highWater.get(), limit, n, ms);
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("a failure is thrown after every task ran, first failure as cause")
    void failureAfterAllRan() throws Exception {
        BoundedRunner runner = Submission.create(BoundedRunner.class, 4);
        Probe probe = new Probe();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // task 13 fails at once, task 5 a little later: the first failure in input order is task 5's; the last
            // tasks are slow, so they still run (or wait for a permit) when the failures come in
            tasks.add(i == 5 || i == 13 ? delayed(probe.task(i, 0, true), i == 5 ? 150 : 0) : probe.task(i, i >= 16 ? 300 : 20, false));
        }
        ExecutionException failure = null;
        try {
            run(runner, tasks);
        } catch (ExecutionException e) {
            failure = e;
        }
        require(failure != null, "no ExecutionException thrown although tasks 5 and 13 failed");
        require(failure.getCause() instanceof IllegalStateException && "task 5 failed".equals(failure.getCause().getMessage()),
                "the cause should be the first failure in input order (IllegalStateException: task 5 failed), got %s",
                failure.getCause());
        require(probe.finished.get() == 18, "only %d of the 18 good tasks ran to the end: a failure must not stop the others",
                probe.finished.get());
    }

    @Test
    @Order(5)
    @Points(3)
    @DisplayName("a failing task gives its permit back")
    @DependsOn({"capNeverExceeded", "virtualAndConcurrent", "failureAfterAllRan"})
    void failuresDoNotLeakPermits() throws Exception {
        int limit = 4;
        BoundedRunner runner = Submission.create(BoundedRunner.class, limit);
        Probe failing = new Probe();
        List<Callable<Integer>> bad = IntStream.range(0, 8).mapToObj(i -> failing.task(i, 5, i == 1 || i == 4)).toList();
        Probe before = new Probe();
        Stress.bounded("first-batch", Duration.ofSeconds(3), Map.of(), () -> runner.runAll(before.tasks(16, 10)));
        require(before.highWater.get() >= limit, "not checked: even before any task failed, only %d task(s) ran at once with a"
                + " limit of %d (see \"each task runs on a virtual thread, up to the limit at once\")", before.highWater.get(), limit);
        Probe after = new Probe();
        try {
            try {
                run(runner, bad);
            } catch (ExecutionException expected) {
                // tasks 1 and 4 failed
            }
            Stress.bounded("second-batch", Duration.ofSeconds(3), Map.of(), () -> runner.runAll(after.tasks(40, 10)));
        } catch (AssertionError e) {
            if (String.valueOf(e.getMessage()).startsWith("hang")) {
                throw new AssertionError("permit leak: after 2 failing tasks the runner hung, no permit was left"
                        + " (release the permit in a finally block)");
            }
            throw e;
        }
        require(after.highWater.get() >= limit, "permit leak: after 2 failing tasks only %d task(s) ran at once, the limit is %d"
                + " (release the permit in a finally block)", after.highWater.get(), limit);
    }

    private static Callable<Integer> delayed(Callable<Integer> task, long ms) {
        return () -> {
            Thread.sleep(ms);
            return task.call();
        };
    }

    private static <T> List<T> run(BoundedRunner runner, List<? extends Callable<? extends T>> tasks) throws Exception {
        return Stress.bounded("run-all-caller", LIMIT, Map.of(), () -> runner.<T>runAll(tasks));
    }
}
