package course.exercises.sharedmemory;

import static course.grading.Feedback.require;

import course.grading.DependsOn;
import course.grading.Graded;
import course.grading.Inconclusive;
import course.grading.Points;
import course.grading.Stress;
import course.grading.Submission;
import course.platform.Directories;
import course.process.ProcessPool;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.URLClassLoader;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 10-process-pools-and-shared-memory: the student's {@link TicketRoll}, compiled from
 * its {@link RollSource}, first in this JVM (one thread, then several), then in {@value #WORKERS}
 * worker JVMs taking from one file at once, then with one of them killed while it holds the lock.
 *
 * <p>The worker JVMs are one {@link ProcessPool} started before the tests (so a test does not count
 * them as processes it left behind) and shared by them. A test that kills a worker closes the pool
 * (the pool would start a replacement), and a later test starts a pool of its own.
 */
@Graded("10-process-pools-and-shared-memory")
public class SharedMemoryTests {

    static final int WORKERS = 3;
    /** Lean worker JVMs, like the grader's own: a small heap, the serial GC, C1 only, no perf data. */
    static final List<String> WORKER_FLAGS = List.of("-Xms8m", "-Xmx48m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");
    private static final long STALL_MILLIS = 2_000;
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final int MAX_PER_THREAD = 250_000;

    private static Path dir;
    private static volatile ProcessPool pool;
    private static volatile RuntimeException poolFailure;
    private static CompiledRoll compiled;
    private static AssertionError compileFailure;
    private static Constructor<? extends TicketRoll> local;
    private static URLClassLoader localLoader;

    @BeforeAll
    static void startWorkers() throws IOException {
        dir = Files.createTempDirectory("ticket-rolls-");
        try {
            pool = startPool();
        } catch (RuntimeException e) {
            poolFailure = e;
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        ProcessPool p = pool;
        pool = null;
        if (p != null) {
            p.close();
        }
        if (localLoader != null) {
            localLoader.close();
        }
        if (compiled != null) {
            compiled.delete();
        }
        localLoader = null;
        local = null;
        compiled = null;
        compileFailure = null;
        poolFailure = null;
        Directories.deleteTree(dir);
    }

    private static ProcessPool startPool() {
        return ProcessPool.start(WORKERS, RollWorker.class, ProcessPool.Options.defaults()
                .taskTimeout(Duration.ofSeconds(12)).jvmFlags(WORKER_FLAGS));
    }

    // ------------------------------------------------------------------ warm-up: one process

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("one process: 0, 1, 2, ... from the file, then SoldOutException")
    void oneProcess() throws Exception {
        Constructor<? extends TicketRoll> make = local();
        Path file = newRoll();
        Stress.bounded("one-process", LIMIT, Map.of(), () -> {
            try (TicketRoll a = CompiledRoll.create(make, file, 5)) {
                for (long expected = 0; expected < 3; expected++) {
                    long got = a.take();
                    require(got == expected, "take() number %d on a new roll returned %d, expected %d (a new roll is an"
                            + " empty file; its tickets are 0, 1, 2, ...)", expected + 1, got, expected);
                }
                long taken = a.taken();
                require(taken == 3, "taken() is %d after 3 take()s, expected 3", taken);
                try (TicketRoll b = CompiledRoll.create(make, file, 5)) {
                    long got = b.take();
                    require(got == 3, "a second TicketRoll on the same file took ticket %d after the first took 0, 1, 2:"
                            + " the count must live in the file (every worker process opens its own TicketRoll), not in"
                            + " the object", got);
                    got = a.take();
                    require(got == 4, "after tickets 0..3 (the 4th from a second TicketRoll on the file), take() returned %d,"
                            + " expected 4: read the count from the file on every take(), do not keep it in a field", got);
                    try {
                        got = a.take();
                        throw new AssertionError("the 6th take() on a roll of 5 returned " + got
                                + " instead of throwing SoldOutException");
                    } catch (SoldOutException expected) {
                        // sold out
                    }
                }
            }
            try (TicketRoll c = CompiledRoll.create(make, file, 5)) {
                long taken = c.taken();
                require(taken == 5, "a TicketRoll opened again on the file says taken() = %d, expected 5: the tickets"
                        + " taken must stay in the file after close()", taken);
            }
            return null;
        });
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("one process, 4 threads sharing one TicketRoll: each number once")
    @DependsOn("oneProcess")
    void threadsOfOneProcess() throws Exception {
        Constructor<? extends TicketRoll> make = local();
        int threads = 4;
        // windows until the threads were seen taking turns (on a very busy machine one thread may have run alone)
        for (int window = 1; !threadsTakeTurns(make, threads); window++) {
            Inconclusive.unless(window < 3, "in %d windows the %d threads never took tickets in turns (each took one"
                    + " block of numbers), so no race between them could show", window, threads);
        }
    }

    /** One window of {@code threads} takers and a reader on a new roll: fails on a bug, false if they never took turns. */
    private static boolean threadsTakeTurns(Constructor<? extends TicketRoll> make, int threads) throws Exception {
        Path file = newRoll();
        long[][] taken = new long[threads][];
        ConcurrentLinkedQueue<String> readerSaw = new ConcurrentLinkedQueue<>();
        try (TicketRoll roll = CompiledRoll.create(make, file, Long.MAX_VALUE / 4)) {
            long end = System.nanoTime() + Stress.budget(Duration.ofMillis(600)).toNanos();
            Stress.race("taker", threads + 1, LIMIT, Map.of(), i -> {
                if (i == threads) {   // a reader beside the takers: taken() never goes down
                    for (long last = 0; System.nanoTime() < end; ) {
                        long now = unshared(roll::taken, threads);
                        if (now < last) {
                            readerSaw.add("taken() go down from " + last + " to " + now);
                            return;
                        }
                        last = now;
                    }
                    return;
                }
                long[] mine = new long[1024];
                int n = 0;
                while (System.nanoTime() < end && n < MAX_PER_THREAD) {
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = unshared(roll::take, threads);
                    if (n % 8 == 0) {
                        Thread.sleep(Duration.ofNanos(50_000));   // a lock that lets the same thread in again and
                    }                                             // again would otherwise never show two at once
                }
                taken[i] = Arrays.copyOf(mine, n);
            });
            Tickets.check(taken, IntStream.range(0, threads).mapToObj(i -> "thread " + (i + 1)).toList(),
                    Long.MAX_VALUE, 0, "threads");
            long total = Arrays.stream(taken).mapToLong(t -> t.length).sum();
            long reported = roll.taken();
            require(reported == total, "taken() says %,d after the threads took %,d tickets", reported, total);
            require(readerSaw.isEmpty(), "a thread calling taken() while others took tickets saw %s: read the count"
                    + " under the same lock as take(), with absolute reads (not a shared buffer's position)", readerSaw.peek());
            return Tickets.interleaved(taken);
        }
    }

    // ------------------------------------------------------------------ core: worker processes

    @Test
    @Order(4)
    @Points(4)
    @DisplayName("3 worker JVMs take from one file at once: each number once, none past capacity")
    @DependsOn({"oneProcess", "soldOutReleasesTheLock"})
    void workerProcesses() throws Exception {
        CompiledRoll roll = compiled();
        long capacity = Stress.quick() ? 2_500 : 4_000;
        long budget = Stress.budget(Duration.ofSeconds(4)).toNanos();
        withPool(p -> {
            long began = System.nanoTime();
            int rounds = 0;
            boolean interleaved = false;
            // rounds until the workers were seen taking turns (a round whose workers ran one after the other
            // proves nothing), within the budget
            while (!interleaved && (rounds == 0 || System.nanoTime() - began < budget) && rounds < 6) {
                rounds++;
                Path file = newRoll();
                Batch batch = new Batch(p, roll, dir, file, capacity, capacity + 16, WORKERS);
                String late = batch.go();
                if (late != null) {
                    return "the worker processes did not open their rolls within " + Batch.START_MILLIS / 1000 + " s ("
                            + late + ")";
                }
                String stall = batch.await(STALL_MILLIS);
                if (stall != null) {
                    return "hang: for " + STALL_MILLIS / 1000 + " s no worker process took a ticket (" + stall + "): a"
                            + " process waits for a lock that is never released. Release the FileLock on every path"
                            + " (finally, or try-with-resources), also when take() throws SoldOutException";
                }
                List<Batch.Worker> workers = batch.results();
                for (Batch.Worker w : workers) {
                    w.rethrowTodo();
                    require(w.ok(), "worker process pid %d failed: %s%s", w.pid(), w.failure(),
                            w.failure().contains("OverlappingFileLockException")
                                    ? " (the FileLock of an earlier take() was still held: release it on every path)" : "");
                }
                long[][] tickets = Batch.tickets(workers);
                Tickets.check(tickets, Batch.names(workers), capacity, 0, "processes");
                long total = Arrays.stream(tickets).mapToLong(t -> t.length).sum();
                require(total == capacity, "the roll of %,d sold out after %,d tickets", capacity, total);
                try (TicketRoll check = CompiledRoll.create(local(), file, capacity)) {
                    long taken = check.taken();
                    require(taken == capacity, "after the workers sold out the roll of %,d, taken() in another process"
                            + " says %,d", capacity, taken);
                }
                interleaved = Tickets.interleaved(tickets);
            }
            Inconclusive.unless(interleaved, "in %d rounds the %d worker processes never took tickets in turns (each"
                    + " took one block of numbers), so no race between them could show", rounds, WORKERS);
            return null;
        });
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("SoldOutException leaves the roll usable: the lock is released on the exception's path")
    @DependsOn("oneProcess")
    void soldOutReleasesTheLock() throws Exception {
        Constructor<? extends TicketRoll> make = local();
        Path file = newRoll();
        String stillHeld = "the FileLock taken before the exception is still held. Release it on every path: in finally,"
                + " or with try-with-resources";
        Stress.bounded("sold-out", LIMIT, Map.of(), () -> {
            try (TicketRoll a = CompiledRoll.create(make, file, 2)) {
                a.take();
                a.take();
                for (int attempt = 1; attempt <= 3; attempt++) {
                    try {
                        long got = a.take();
                        throw new AssertionError("take() on a sold-out roll of 2 returned " + got + " (attempt " + attempt + ")");
                    } catch (SoldOutException expected) {
                        // sold out, and still usable
                    } catch (OverlappingFileLockException e) {
                        throw new AssertionError("after take() threw SoldOutException, the next take() threw"
                                + " OverlappingFileLockException: " + stillHeld, e);
                    }
                }
                long taken;
                try (TicketRoll b = CompiledRoll.create(make, file, 2)) {
                    taken = b.taken();
                    try {
                        b.take();
                        throw new AssertionError("a second TicketRoll on a sold-out file took a ticket");
                    } catch (SoldOutException expected) {
                        // sold out for everyone
                    }
                } catch (OverlappingFileLockException e) {
                    throw new AssertionError("after SoldOutException, a second TicketRoll on the file got"
                            + " OverlappingFileLockException: " + stillHeld, e);
                }
                require(taken == 2, "taken() is %d after the roll of 2 sold out", taken);
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ stretch: a worker killed mid-take

    @Test
    @Order(5)
    @Points(3)
    @DisplayName("a worker killed while it holds the lock: the others carry on, nothing given twice")
    @DependsOn("workerProcesses")
    void killedWorker() throws Exception {
        CompiledRoll roll = compiled();
        if (poolFailure != null) {
            throw new AssertionError("the grader could not start its worker JVMs: " + poolFailure.getMessage(), poolFailure);
        }
        Path file = newRoll();
        long capacity = Long.MAX_VALUE / 4;
        ProcessPool p = pool != null ? pool : startPool();
        pool = null;   // the kill makes the pool start a replacement: this test closes the pool
        try {
            Batch batch = new Batch(p, roll, dir, file, capacity, 1_000_000, WORKERS);
            String late = batch.go();
            require(late == null, "the worker processes did not open their rolls within %d s (%s)",
                    Batch.START_MILLIS / 1000, late);
            List<Integer> survivors = List.of(1, 2);
            awaitProgress(batch, List.of(0, 1, 2), "before the grader killed one");
            Inconclusive.unless(!batch.answered(0), "the workers took %,d tickets each before the grader could kill one"
                    + " (a very fast roll): nothing was left to observe", batch.count(0));
            Kill kill = Kill.whileHolding(batch, 0);
            try {
                awaitProgress(batch, survivors, "after worker pid " + kill.pid() + " was killed (SIGKILL) " + kill.when()
                        + ": a lock that outlives its process (a lock file, a flag in shared memory) blocks the others"
                        + " forever, while a FileLock is released by the operating system when its process dies");
            } finally {
                for (int i : survivors) {
                    batch.stop(i);
                }
            }
            String stall = batch.await(STALL_MILLIS);
            require(stall == null, "the surviving workers did not stop when the grader asked them to: %s", stall);
            List<Batch.Worker> workers = batch.results();
            for (int i : survivors) {
                require(workers.get(i).ok(), "worker pid %d failed after another was killed: %s", workers.get(i).pid(),
                        workers.get(i).failure());
            }
            long[][] tickets = Batch.tickets(workers);
            // the killed worker may have taken one ticket it did not live to record
            Tickets.check(tickets, Batch.names(workers), capacity, 1, "processes");
            long recorded = Arrays.stream(tickets).mapToLong(t -> t.length).sum();
            try (TicketRoll check = CompiledRoll.create(local(), file, capacity)) {
                long taken = check.taken();
                require(taken >= recorded && taken <= recorded + 1, "taken() says %,d, but the workers recorded %,d tickets"
                        + " (the killed one at most one more): the count in the file is inconsistent after the kill",
                        taken, recorded);
            }
        } finally {
            p.close();
        }
    }

    // ------------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface RollCall {
        long call() throws Exception;
    }

    /** {@code call}, with an OverlappingFileLockException explained: threads of one JVM sharing a FileLock. */
    private static long unshared(RollCall call, int threads) throws Exception {
        try {
            return call.call();
        } catch (java.nio.BufferUnderflowException | java.nio.BufferOverflowException e) {
            throw new AssertionError("position race: " + e.getClass().getSimpleName() + " when " + threads + " threads of"
                    + " one process shared the roll: they moved one buffer's position under each other. Read and write"
                    + " with absolute indexes (getLong(0), putLong(0, v)), or keep every use of the buffer under the lock", e);
        } catch (OverlappingFileLockException e) {
            throw new AssertionError("OverlappingFileLockException when " + threads + " threads of one process shared the"
                    + " roll: a FileLock belongs to the whole JVM, and a second thread that asks for it gets this exception"
                    + " instead of waiting. Exclude the threads of your process with a lock of lesson 02 as well (a FileLock"
                    + " for the processes, synchronized for the threads)", e);
        }
    }

    /**
     * Waits until each of {@code workers} has recorded 50 more tickets (or filled its receipt); fails
     * as a hang when they do not within the stall time ({@code when} says what had happened).
     */
    private static void awaitProgress(Batch batch, List<Integer> workers, String when) throws Exception {
        long[] from = new long[batch.size()];
        for (int i : workers) {
            from[i] = batch.count(i);
        }
        long deadline = System.currentTimeMillis() + STALL_MILLIS;
        while (true) {
            boolean all = true;
            for (int i : workers) {
                if (batch.answered(i) && !batch.full(i)) {
                    Batch.Worker w = batch.result(i);
                    w.rethrowTodo();
                    throw new AssertionError("worker pid " + w.pid() + " stopped taking tickets " + when + ": "
                            + (w.ok() ? "its take() said sold out" : w.failure()));
                }
                all &= batch.full(i) || batch.count(i) >= from[i] + 50;
            }
            if (all) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("hang: the workers took no more tickets for " + STALL_MILLIS / 1000 + " s "
                        + when + " (" + batch.describe() + ")");
            }
            Thread.sleep(5);
        }
    }

    /** Runs {@code body} on the shared pool (or a pool of its own); a pool whose workers were killed is closed. */
    private static void withPool(PoolBody body) throws Exception {
        if (poolFailure != null) {
            throw new AssertionError("the grader could not start its worker JVMs: " + poolFailure.getMessage(), poolFailure);
        }
        ProcessPool p = pool != null ? pool : startPool();
        boolean shared = p == pool;
        String problem = "threw";
        try {
            problem = body.run(p);
        } finally {
            if (problem != null || !shared || p.replacedWorkers() > 0) {
                p.close();   // kills what hangs, and any replacement worker
                if (shared) {
                    pool = null;
                }
            }
        }
        if (problem != null) {
            throw new AssertionError(problem);
        }
    }

    @FunctionalInterface
    private interface PoolBody {
        /** Null when all went well, else why the pool must be closed (the test's failure message). */
        String run(ProcessPool pool) throws Exception;
    }

    private static Path newRoll() throws IOException {
        return Files.createTempFile(dir, "roll-", ".bin");
    }

    private static synchronized CompiledRoll compiled() throws IOException {
        if (compileFailure != null) {
            throw compileFailure;
        }
        if (compiled == null) {
            try {
                compiled = CompiledRoll.compile(Submission.create(RollSource.class).java());
            } catch (AssertionError e) {
                compileFailure = e;
                throw e;
            }
        }
        return compiled;
    }

    /** The student's constructor, loaded in this JVM for the one-process tests. */
    private static synchronized Constructor<? extends TicketRoll> local() throws IOException {
        if (local == null) {
            CompiledRoll roll = compiled();
            localLoader = roll.loader();
            local = roll.constructor(localLoader);
        }
        return local;
    }

    /** How the grader killed a worker: its pid, and when (caught holding the lock, or not). */
    private record Kill(long pid, String when) {

        /**
         * Kills worker {@code victim} with SIGKILL, while it holds the roll's lock if the grader can
         * tell: it freezes the worker (SIGSTOP) and watches the others; if they take no ticket while it
         * is frozen, it holds the lock. Otherwise it lets it go on (SIGCONT) and tries again.
         */
        static Kill whileHolding(Batch batch, int victim) throws Exception {
            long pid = batch.pid(victim);
            ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("worker pid " + pid + " is gone"));
            String when = "at a moment the grader could not check";
            for (int attempt = 0; attempt < 20 && signal("STOP", pid); attempt++) {
                long before = others(batch, victim);
                long frozen = System.nanoTime();
                boolean moved = false;
                while (!moved && System.nanoTime() - frozen < TimeUnit.MILLISECONDS.toNanos(150)) {
                    Thread.sleep(2);
                    moved = others(batch, victim) > before + 1;   // one take may have been past the lock already
                }
                if (!moved) {
                    when = "while it held the lock (the others took no ticket while it was frozen)";
                    break;
                }
                when = "while it did not hold the lock (the others went on while it was frozen)";
                signal("CONT", pid);
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 8));
            }
            handle.destroyForcibly();
            handle.onExit().get(5, TimeUnit.SECONDS);
            return new Kill(pid, when);
        }

        private static long others(Batch batch, int victim) throws IOException {
            long sum = 0;
            for (int i = 0; i < batch.size(); i++) {
                if (i != victim) {
                    sum += batch.count(i);
                }
            }
            return sum;
        }

        /** Sends a signal with the {@code kill} command; false if there is none or it failed. */
        private static boolean signal(String name, long pid) {
            try {
                Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectErrorStream(true).start();
                kill.getInputStream().readAllBytes();
                return kill.waitFor(2, TimeUnit.SECONDS) && kill.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
