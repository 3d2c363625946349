package course.exercises.memory;

import static course.grading.Feedback.require;

import course.grading.DependsOn;
import course.grading.Graded;
import course.grading.Inconclusive;
import course.grading.Points;
import course.grading.Stress;
import course.grading.Submission;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import javax.management.ObjectName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 03-memory-model. Memory-model bugs seldom show on x86, so every bug is made to
 * cost points in every run in one of two ways: by behaviour HotSpot shows reliably (a plain field
 * read in a hot loop is read once after C2 compiles the loop, so a thread spinning on it never
 * sees the write; a slow constructor makes a check-then-act create two objects), or, where no
 * machine can be made to show it, by what the code declares that the Java Memory Model makes the
 * deciding fact (the field a reference is published through is {@code volatile}; a snapshot's
 * fields are {@code final}).
 */
@Graded("03-memory-model")
public class MemoryTests {

    /** How long a reader spins at least before the write (then until C2 has compiled its loop). */
    private static final Duration WARM_UP = Duration.ofMillis(200);
    /** How long a reader may take to see the write once it was made. */
    private static final Duration SEEN_WITHIN = Duration.ofMillis(1_500);
    private static final int ROUNDS = 3;
    /** All the spinning of one test (inside the grader's 15 s per test), and what one more round needs at least. */
    private static final Duration SPIN_BUDGET = Duration.ofSeconds(9);
    private static final Duration ROUND_NEEDS = Duration.ofMillis(2_500);

    static {
        Jit.prepare();
    }

    // ---------------------------------------------------------------- the hot loops

    /** A hot loop of a fresh copy of {@link Spinner} (a hidden class), whose call sites have seen no other class. */
    private record Loop(MethodHandle handle, String method) {
    }

    private static Loop loop(String name, Class<?> returns, Class<?> contract) throws Exception {
        byte[] bytes;
        try (InputStream in = Spinner.class.getResourceAsStream("Spinner.class")) {
            if (in == null) {
                throw new IOException("Spinner.class is missing from the grader's class path");
            }
            bytes = in.readAllBytes();
        }
        MethodHandles.Lookup spinner = MethodHandles.lookup().defineHiddenClass(bytes, true);
        MethodHandle handle = spinner.findStatic(spinner.lookupClass(), name, MethodType.methodType(returns, contract, long.class));
        return new Loop(handle, spinner.lookupClass().getName() + "." + name + "(");
    }

    /** What one round of a hot-loop reader saw. */
    private enum Seen { IN_TIME, NEVER, TOO_EARLY }

    private record Round(Seen seen, Object value, boolean compiled) {
    }

    /**
     * One round: a daemon thread calls the loop on {@code target} in short turns until C2 has compiled it (its
     * reads of the student's fields are then what the JIT made of them), then once more; during that last call the
     * calling thread runs {@code write}, and the loop must return within {@link #SEEN_WITHIN}. A loop that never
     * sees the write spins until its own deadline, which the calling thread waits for, so that it does not take a
     * CPU from the next test.
     */
    private static Round spinRound(Loop loop, long testDeadline, Object target, Stress.Body write) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean armed = new AtomicBoolean();
        AtomicBoolean early = new AtomicBoolean();
        CountDownLatch lastCall = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        long[] deadline = new long[1];
        Thread reader = Thread.ofPlatform().name("reader").daemon(true).unstarted(() -> {
            try {
                long warmUntil = System.nanoTime() + Jit.MAX_WAIT.plusSeconds(1).toNanos();
                for (int call = 0; !armed.get() && System.nanoTime() < warmUntil; call++) {
                    // the first calls end at once (a deadline already passed), so that the JIT's profile knows the
                    // deadline's way out of the loop and the compiled loop does not give up on it later
                    Object r = loop.handle().invoke(target, System.nanoTime() + (call < 100 ? 0 : 20_000_000L));
                    if (seen(r)) {
                        early.set(true);
                        return;
                    }
                    calls.incrementAndGet();
                }
                deadline[0] = System.nanoTime() + SEEN_WITHIN.plusMillis(500).toNanos();
                lastCall.countDown();
                result.set(loop.handle().invoke(target, deadline[0]));
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                lastCall.countDown();
            }
        });
        reader.start();
        Thread.sleep(WARM_UP);
        boolean compiled = Jit.awaitC2(loop.method(), Math.min(testDeadline, System.nanoTime() + Jit.MAX_WAIT.toNanos()),
                calls, () -> !reader.isAlive());
        armed.set(true);
        Inconclusive.unless(lastCall.await(5, TimeUnit.SECONDS), "the reader thread did not get a CPU within 5 s");
        Thread.sleep(30);  // the last call is in the compiled loop by now: it enters it at its first backward jump
        if (failure.get() == null && !early.get()) {
            write.run(0);
            reader.join(SEEN_WITHIN);
        }
        if (reader.isAlive()) {
            reader.join(Duration.ofNanos(Math.max(0, deadline[0] - System.nanoTime())).plusSeconds(2));
        }
        if (failure.get() != null) {
            Throwable t = failure.get();
            if (t instanceof Error e) {
                throw e;
            }
            if (t instanceof Exception e) {
                throw e;
            }
            throw new AssertionError(t);
        }
        if (early.get()) {
            return new Round(Seen.TOO_EARLY, null, compiled);
        }
        Object r = result.get();
        return new Round(seen(r) ? Seen.IN_TIME : Seen.NEVER, r, compiled);
    }

    private static boolean seen(Object loopResult) {
        return loopResult != null && !(loopResult instanceof Long n && n < 0);
    }

    /**
     * Runs rounds until {@link #ROUNDS} of them ran on C2-compiled code or the test's spinning budget is spent (a
     * round whose loop was not compiled yet shows nothing about hoisted reads, but the compiler keeps working on the
     * same loop for the next round). Inconclusive when no round ran compiled: the machine was too busy.
     */
    private static void spinRounds(String what, String declared, RoundCheck check) throws Exception {
        long deadline = System.nanoTime() + SPIN_BUDGET.toNanos();
        int compiled = 0;
        for (int round = 1; compiled < ROUNDS && (round == 1 || System.nanoTime() + ROUND_NEEDS.toNanos() < deadline); round++) {
            compiled += check.round(round, deadline) ? 1 : 0;
        }
        if (compiled == 0) {
            // the behaviour could not be shown here; where the declaration alone settles it, it decides
            require(declared.isEmpty(), "visibility (decided by the declaration: the JIT had not compiled the %s hot loop"
                    + " after %d s on this busy machine, so the behaviour could not be shown): %s", what,
                    SPIN_BUDGET.toSeconds(), declared);
            throw Inconclusive.because("the JIT had not compiled the %s hot loop after %d s (a busy machine), so this"
                    + " run cannot show whether your reads are ordered; run the check again", what, SPIN_BUDGET.toSeconds());
        }
    }

    /**
     * "" if every instance field of {@code type} is final, volatile, atomic or reached through a static VarHandle;
     * else which field is plain and what the JMM says about it.
     */
    private static String plainShared(Class<?> type) {
        List<String> plain = new ArrayList<>();
        for (Field f : fields(type)) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) && !Modifier.isFinal(m) && !Modifier.isVolatile(m)
                    && (f.getType().isPrimitive() ? varHandleForPrimitive(type, f.getType()) == null
                            : varHandleFor(type, f.getType()) == null)) {
                plain.add(name(f));
            }
        }
        return plain.isEmpty() ? "" : String.join(", ", plain) + " is read by one thread and written by another with no"
                + " happens-before edge between them (a plain field): the JMM lets the reader see the old value for ever."
                + " Make it volatile (or atomic)";
    }

    /** A static VarHandle field of {@code c} for a variable of the primitive type {@code type}, or null. */
    private static Field varHandleForPrimitive(Class<?> c, Class<?> type) {
        for (Field f : fields(c)) {
            if (f.getType() == VarHandle.class && Modifier.isStatic(f.getModifiers())) {
                try {
                    f.setAccessible(true);
                    if (f.get(null) instanceof VarHandle vh && vh.varType() == type) {
                        return f;
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not readable: not counted
                }
            }
        }
        return null;
    }

    /** One round of a hot-loop test: fails the test if the student's code is wrong; true if the loop ran compiled. */
    @FunctionalInterface
    private interface RoundCheck {
        boolean round(int round, long deadline) throws Exception;
    }

    /** Asks HotSpot which methods C2 has compiled (the {@code Compiler.codelist} diagnostic command, in this JVM). */
    private static final class Jit {
        static final Duration MAX_WAIT = Duration.ofSeconds(10);
        private static final String DCMD = "com.sun.management:type=DiagnosticCommand";

        static {
            // the platform MBean server takes a while to start the first time: start it now, beside the first tests
            Thread.ofPlatform().daemon(true).name("jit-probe-start").start(() -> codelist());
        }

        private Jit() {
        }

        /** Loads this class, which starts the MBean server in the background. */
        static void prepare() {
        }

        /** The code cache listing, or null where the JVM does not offer it. */
        static String codelist() {
            try {
                return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName(DCMD), "compilerCodelist", new Object[] {null},
                        new String[] {String[].class.getName()});
            } catch (Exception | LinkageError e) {
                return null;
            }
        }

        /** The compile id of C2-compiled code (tier 4) of {@code method} ("class.name(") in use, "" if none, null if unknown. */
        static String compiled(String method) {
            String list = codelist();
            if (list == null) {
                return null;
            }
            for (String line : list.split("\\n")) {
                String[] f = line.strip().split(" ", 4);
                if (f.length == 4 && f[1].equals("4") && f[2].equals("0") && f[3].startsWith(method)) {
                    return f[0];
                }
            }
            return "";
        }

        /**
         * Waits until {@code method} runs C2-compiled code (tier 4) that stays in use while the reader makes two more
         * calls, at most until {@code until} (System.nanoTime) or until {@code stop} says so. True if it does; true as well where the JVM
         * cannot tell (then the warm-up already spent is all there is).
         */
        static boolean awaitC2(String method, long until, AtomicInteger calls, BooleanSupplier stop)
                throws InterruptedException {
            while (System.nanoTime() < until && !stop.getAsBoolean()) {
                String id = compiled(method);
                if (id == null) {
                    return true;
                }
                if (!id.isEmpty()) {
                    int seen = calls.get();
                    while (calls.get() < seen + 2 && System.nanoTime() < until && !stop.getAsBoolean()) {
                        Thread.sleep(10);
                    }
                    if (id.equals(compiled(method))) {
                        return true;   // the same code, still in use after the reader left and re-entered it
                    }
                }
                Thread.sleep(25);
            }
            return false;
        }
    }

    // ---------------------------------------------------------------- reflection: what the code declares

    /** The fields declared by {@code type} and its superclasses (not the JDK's), synthetic ones left out. */
    private static List<Field> fields(Class<?> type) {
        List<Field> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class && !c.getName().startsWith("java."); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!f.isSynthetic()) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** {@code type}, its nested classes (any depth), and the other classes of the submission with theirs. */
    private static List<Class<?>> submissionClasses(Class<?> type) {
        List<Class<?>> out = new ArrayList<>();
        List<Class<?>> todo = new ArrayList<>(List.of(type));
        todo.addAll(Submission.classes());
        while (!todo.isEmpty()) {
            Class<?> c = todo.removeFirst();
            if (c != null && !out.contains(c) && !c.getName().startsWith("java.")) {
                out.add(c);
                todo.addAll(List.of(c.getDeclaredClasses()));
            }
        }
        return out;
    }

    private static String name(Field f) {
        return f.getDeclaringClass().getSimpleName() + "." + f.getName();
    }

    /** "MyFlag.stopped, MyFlag.count": the fields of {@code type} that are neither final nor volatile, or "none". */
    private static String plainFields(Class<?> type) {
        List<String> plain = fields(type).stream()
                .filter(f -> !Modifier.isFinal(f.getModifiers()) && !Modifier.isVolatile(f.getModifiers()))
                .map(MemoryTests::name).toList();
        return plain.isEmpty() ? "none" : String.join(", ", plain);
    }

    private static boolean isAtomic(Field f) {
        return f.getType().getName().startsWith("java.util.concurrent.atomic.");
    }

    /** A static VarHandle field of {@code c} whose variable can hold a {@code held}, or null. */
    private static Field varHandleFor(Class<?> c, Class<?> held) {
        for (Field f : fields(c)) {
            if (f.getType() == VarHandle.class && Modifier.isStatic(f.getModifiers())) {
                try {
                    f.setAccessible(true);
                    if (f.get(null) instanceof VarHandle vh && !vh.varType().isPrimitive()
                            && (vh.varType().isAssignableFrom(held) || held.isAssignableFrom(vh.varType()))) {
                        return f;
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not readable: not counted
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- warm-up: a stop flag

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("warm-up: a new flag is down, stop() raises it")
    void flagBasics() {
        StopFlag flag = Submission.create(StopFlag.class);
        require(!flag.isStopped(), "a new %s says isStopped() = true before anyone called stop()",
                flag.getClass().getSimpleName());
        flag.stop();
        require(flag.isStopped(), "after stop(), isStopped() still says false in the same thread");
        flag.stop();
        require(flag.isStopped(), "after a second stop(), isStopped() says false");
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("warm-up: a thread spinning on isStopped() sees stop() from another thread")
    @DependsOn("flagBasics")
    void flagSeenBySpinningThread() throws Exception {
        Loop loop = loop("untilStopped", long.class, StopFlag.class);
        spinRounds("isStopped()", plainShared(Submission.create(StopFlag.class).getClass()), (round, deadline) -> {
            StopFlag flag = Submission.create(StopFlag.class);
            Round r = spinRound(loop, deadline, flag, i -> flag.stop());
            require(r.seen() != Seen.TOO_EARLY, "isStopped() said true in a hot loop before anyone called stop()");
            require(r.seen() == Seen.IN_TIME, "visibility: in round %d a thread calling isStopped() in a hot loop (compiled by"
                    + " the JIT) did not see stop() within %d ms: it would spin for ever. Nothing orders the write in stop()"
                    + " before the reads in isStopped(): the JIT reads a plain field once and keeps the value in a register."
                    + " Declare the field that isStopped() reads volatile (a volatile write happens-before every later read"
                    + " of it), or use an AtomicBoolean. Plain fields here: %s.", round, SEEN_WITHIN.toMillis(),
                    plainFields(flag.getClass()));
            return r.compiled();
        });
    }

    // ---------------------------------------------------------------- core: safe publication

    private static final Map<String, String> SETTINGS = settings(1);

    private static Map<String, String> settings(int version) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : List.of("mode", "threads", "region", "timeout", "cache", "retries", "level", "owner")) {
            m.put(k, k + "-v" + version);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Empty when {@code s} holds exactly {@code version} and {@code settings}, else what differs. */
    private static String differs(Snapshot s, int version, Map<String, String> settings) {
        if (s == null) {
            return "current() returned null";
        }
        try {
            if (s.version() != version) {
                return "version() is " + s.version() + ", not " + version;
            }
            for (Map.Entry<String, String> e : settings.entrySet()) {
                String v = s.get(e.getKey());
                if (!e.getValue().equals(v)) {
                    return "get(\"" + e.getKey() + "\") is " + (v == null ? "null" : "\"" + v + "\"") + ", not \"" + e.getValue() + "\"";
                }
            }
            if (s.size() != settings.size()) {
                return "size() is " + s.size() + ", not " + settings.size();
            }
            return "";
        } catch (RuntimeException e) {
            return "calling it threw " + e;
        }
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("core: publish, then current() returns that snapshot")
    void boardPublishesAndReads() {
        Board board = Submission.create(Board.class);
        require(board.current() == null, "before the first publish, current() must return null, not %s", board.current());
        board.publish(1, SETTINGS);
        String wrong = differs(board.current(), 1, SETTINGS);
        require(wrong.isEmpty(), "after publish(1, settings): %s", wrong);
        require(board.current().get("no-such-key") == null, "get of a key that was never set must return null");
        board.publish(2, settings(2));
        wrong = differs(board.current(), 2, settings(2));
        require(wrong.isEmpty(), "after a second publish(2, ...): %s", wrong);
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("core: a published snapshot never changes (not through the caller's map, not by a later publish)")
    @DependsOn("boardPublishesAndReads")
    void snapshotsNeverChange() {
        Board board = Submission.create(Board.class);
        Map<String, String> callers = new HashMap<>(SETTINGS);
        board.publish(1, callers);
        Snapshot first = board.current();
        callers.put("mode", "changed-after-publish");
        callers.remove("threads");
        callers.put("extra", "added-after-publish");
        String wrong = differs(first, 1, SETTINGS);
        require(wrong.isEmpty(), "mutated after publication: the caller changed its map after publish, and the published"
                + " snapshot changed with it (%s). A reader may be reading it at that moment, with no happens-before edge"
                + " to the caller's writes: copy the settings into the snapshot (e.g. Map.copyOf) when you build it.", wrong);
        board.publish(2, settings(2));
        wrong = differs(first, 1, SETTINGS);
        require(wrong.isEmpty(), "mutated after publication: a reader kept the snapshot of version 1, and publish(2, ...)"
                + " changed it (%s). Readers may hold a snapshot while you publish: build a new object for every"
                + " publish, never update the old one.", wrong);
        require(board.current() != first, "publish(2, ...) returned the same snapshot object as version 1: build a new one");
        wrong = differs(board.current(), 2, settings(2));
        require(wrong.isEmpty(), "after publish(2, ...): %s", wrong);
    }

    /** Settings that look at the board each time the student's code reads them: a reader at that very instant. */
    private static final class ProbeMap extends AbstractMap<String, String> {
        private final Map<String, String> inner;
        private final Board board;
        private final Snapshot before;
        private final int version;
        private String halfBuilt = "";
        private int probes;

        ProbeMap(Map<String, String> inner, Board board, int version) {
            this.inner = inner;
            this.board = board;
            this.before = board.current();
            this.version = version;
        }

        private void probe() {
            if (probes++ > 200 || !halfBuilt.isEmpty()) {
                return;
            }
            Snapshot now = board.current();
            if (now != null && now != before) {
                String wrong = differs(now, version, inner);
                if (!wrong.isEmpty()) {
                    halfBuilt = wrong;
                }
            }
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            probe();
            return inner.entrySet();
        }

        @Override
        public int size() {
            probe();
            return inner.size();
        }

        @Override
        public String get(Object key) {
            probe();
            return inner.get(key);
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super String> action) {
            probe();
            inner.forEach((k, v) -> {
                probe();
                action.accept(k, v);
            });
        }
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("core: no reader ever sees a half-built snapshot")
    @DependsOn("boardPublishesAndReads")
    void noHalfBuiltSnapshot() {
        Board board = Submission.create(Board.class);
        board.publish(1, SETTINGS);
        ProbeMap probe = new ProbeMap(settings(2), board, 2);
        board.publish(2, probe);
        require(probe.halfBuilt.isEmpty(), "unsafe publication (this escapes): while publish(2, ...) was still reading the"
                + " settings, a reader calling current() already got the new snapshot, half-built: %s. The snapshot was"
                + " made visible before its constructor finished (a constructor that stores `this` in the board, or a"
                + " board that publishes first and fills in later). Build the snapshot completely, then publish the"
                + " finished object with one write; final fields keep their guarantee only if `this` does not escape the"
                + " constructor.", probe.halfBuilt);
        String wrong = differs(board.current(), 2, settings(2));
        require(wrong.isEmpty(), "after publish(2, ...): %s", wrong);
    }

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("core: a reader spinning on current() sees the new snapshot")
    @DependsOn("boardPublishesAndReads")
    void readerSeesNewSnapshot() throws Exception {
        Loop loop = loop("untilVersion", Snapshot.class, Board.class);
        spinRounds("current()", plainShared(Submission.create(Board.class).getClass()), (round, deadline) -> {
            Board board = Submission.create(Board.class);
            board.publish(1, SETTINGS);
            Round r = spinRound(loop, deadline, board, i -> board.publish(2, settings(2)));
            require(r.seen() != Seen.TOO_EARLY, "a reader saw version 2 before it was published");
            require(r.seen() == Seen.IN_TIME, "visibility: in round %d a reader calling current() in a hot loop (compiled by"
                    + " the JIT) did not see version 2 within %d ms of publish(2, ...): it would read the old snapshot for"
                    + " ever. The field that holds the current snapshot is read with no happens-before edge to the write in"
                    + " publish, and the JIT reads a plain field once. Make that field volatile (or an AtomicReference)."
                    + " Plain fields here: %s.", round, SEEN_WITHIN.toMillis(), plainFields(board.getClass()));
            String wrong = differs((Snapshot) r.value(), 2, settings(2));
            require(wrong.isEmpty(), "the reader saw version 2, but the snapshot it saw is not what was published: %s", wrong);
            return r.compiled();
        });
    }

    @Test
    @Order(7)
    @Points(2)
    @DisplayName("core: the snapshot's fields are final and the board's field is volatile (checked in the code)")
    @DependsOn({"boardPublishesAndReads", "readerSeesNewSnapshot"})
    void publishedSafelyByDeclaration() {
        Board board = Submission.create(Board.class);
        board.publish(1, SETTINGS);
        Class<?> snapshotType = board.current().getClass();
        for (Field f : fields(snapshotType)) {
            if (!Modifier.isStatic(f.getModifiers())) {
                require(Modifier.isFinal(f.getModifiers()), "not final: %s is not final. The JMM's final-field rule (JLS"
                        + " 17.5) is what guarantees every thread that sees a snapshot also sees what its constructor"
                        + " wrote into it, and that it can never change; x86 seldom shows a non-final field's default value,"
                        + " so no run proves it either way and the grader checks the declaration. Make every field of %s"
                        + " final (a record does it for you).", name(f), snapshotType.getSimpleName());
            }
        }
        Class<?> boardType = board.getClass();
        Field handle = varHandleFor(boardType, snapshotType);
        Snapshot current = board.current();
        List<Field> holders = fields(boardType).stream()
                .filter(f -> !f.getType().isPrimitive() && f.getType() != VarHandle.class
                        && (isAtomic(f) || (f.getType().isAssignableFrom(snapshotType) && value(f, board) == current)))
                .toList();
        require(!holders.isEmpty(), "could not find the field of %s that holds the current snapshot: keep it in a field"
                + " of type Snapshot (or %s, or an AtomicReference)", boardType.getSimpleName(), snapshotType.getSimpleName());
        for (Field f : holders) {
            boolean ordered = Modifier.isVolatile(f.getModifiers()) || (isAtomic(f) && Modifier.isFinal(f.getModifiers()))
                    || handle != null;
            require(ordered, "unsafe publication: %s holds the published snapshot in a plain field. A reader's plain read"
                    + " has no happens-before edge to the writer's plain write, so the JMM lets it see a stale snapshot"
                    + " for ever (and, were a field not final, a half-built one); x86 hides most of it, so the grader"
                    + " checks the declaration. Declare it volatile%s, or use an AtomicReference: readers take no lock.",
                    name(f), Modifier.isSynchronized(method(boardType, "current")) ? " (a synchronized current() is"
                            + " correct but takes a lock on every read, which the contract rules out)" : "");
        }
    }

    /** The value of {@code f} in {@code owner} (or of the static field), null if it cannot be read. */
    private static Object value(Field f, Object owner) {
        try {
            f.setAccessible(true);
            return f.get(Modifier.isStatic(f.getModifiers()) ? null : owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static int method(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 0) {
                return m.getModifiers();
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- core: once-only lazy creation

    @Test
    @Order(8)
    @Points(3)
    @DisplayName("core: 8 threads ask at once for the first time: one Service, the same for all, fully built")
    void oneServiceUnderRace() throws Exception {
        int threads = 8;
        CountDownLatch asked = new CountDownLatch(threads);
        int before = Service.created();
        // While armed, a Service constructor waits until every racing thread has called instance(): a thread that
        // found no service and builds one is still building when the others look.
        Service.arm(asked, Duration.ofMillis(50));
        try {
            Singleton a = Submission.create(Singleton.class);
            Singleton b = Submission.create(Singleton.class);
            int afterCreate = Service.created();
            require(afterCreate == before, "not lazy: %d Service(s) were created when your %s class was loaded or its"
                    + " objects made, before anyone called instance(). Create it on the first call (a holder class, or"
                    + " double-checked locking)", afterCreate - before, a.getClass().getSimpleName());
            Service[] got = new Service[threads];
            Stress.race("instance", threads, Duration.ofSeconds(8), Map.of(), i -> {
                Singleton s = i % 2 == 0 ? a : b;
                asked.countDown();
                got[i] = s.instance();
            });
            int made = Service.created() - afterCreate;
            Set<Service> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Service s : got) {
                require(s != null, "instance() returned null");
                distinct.add(s);
            }
            Inconclusive.unless(made > 0 || distinct.size() != 1, "your %s had already created its Service before this"
                    + " check (an earlier check in this session?), so no first call could race here: run the cell that"
                    + " defines it again, then the check", a.getClass().getSimpleName());
            boolean perObject = made > 1 && fields(a.getClass()).stream()
                    .anyMatch(f -> f.getType() == Service.class && !Modifier.isStatic(f.getModifiers()));
            require(!perObject, "one Service per %s object: %d Services for two objects, held in an instance field. Every"
                    + " object must hand out the same one: keep it in a static field (or a holder class)",
                    a.getClass().getSimpleName(), made);
            require(made == 1, "check-then-act: %d threads asked at once and %d Services were created. Two threads both saw"
                    + " \"no service yet\" and both built one: the check and the creation must be one atomic step under"
                    + " one lock that every caller shares (a lock per object or a new lock per call excludes nothing),"
                    + " or let class initialization do it (a holder class)", threads, made);
            require(distinct.size() == 1, "%d different Services were handed out to %d threads", distinct.size(), threads);
            Service s = got[0];
            require(s.name() != null, "a caller got a half-built Service (its constructor had not finished)");
            require(a.instance() == s && b.instance() == s, "a later call of instance() returned another Service");
        } finally {
            Service.disarm();
        }
    }

    @Test
    @Order(9)
    @Points(2)
    @DisplayName("core: the field that holds the Service is final or volatile (checked in the code)")
    @DependsOn("oneServiceUnderRace")
    void serviceFieldSafe() {
        Singleton a = Submission.create(Singleton.class);
        List<Field> holders = new ArrayList<>();
        boolean viaHandle = false;
        for (Class<?> c : submissionClasses(a.getClass())) {
            for (Field f : fields(c)) {
                if (f.getType() == Service.class || (isAtomic(f) && !f.getType().isPrimitive())) {
                    holders.add(f);
                }
            }
            viaHandle |= varHandleFor(c, Service.class) != null;
        }
        if (holders.isEmpty()) {
            a.instance();  // a starter's TODO reads "not implemented yet", not "no field"
        }
        require(!holders.isEmpty(), "could not find the field that holds your Service: keep it in a field of type Service"
                + " (or an AtomicReference), in %s or a class nested in it", a.getClass().getSimpleName());
        for (Field f : holders) {
            int m = f.getModifiers();
            boolean safe = Modifier.isFinal(m) || Modifier.isVolatile(m) || viaHandle;
            require(safe, "double-checked locking without volatile: %s is a plain field, and the first check reads it"
                    + " outside the lock. That read has no happens-before edge to the write made under the lock, so the"
                    + " JMM lets a thread see the reference before the constructor's writes: a half-built Service. x86"
                    + " seldom shows it, so the grader checks the declaration: make the field volatile, or let a holder"
                    + " class's static final field do the work%s.", name(f),
                    Modifier.isSynchronized(method(a.getClass(), "instance")) ? " (a synchronized instance() is safe, but"
                            + " takes a lock on every call, which the contract rules out)" : "");
        }
    }

    // ---------------------------------------------------------------- stretch: release/acquire handoff

    @Test
    @Order(10)
    @Points(2)
    @DisplayName("stretch: a thread polling the mailbox gets the whole message")
    void mailboxDelivers() throws Exception {
        Loop loop = loop("untilDelivered", int[].class, Mailbox.class);
        spinRounds("poll()", "", (round, deadline) -> {
            Mailbox box = Submission.create(Mailbox.class);
            require(box.poll() == null, "a new mailbox's poll() must return null before send");
            int[] message = new int[64];
            Round r = spinRound(loop, deadline, box, i -> {
                for (int k = 0; k < message.length; k++) {
                    message[k] = 7 * k + 1;
                }
                box.send(message);
            });
            require(r.seen() != Seen.TOO_EARLY, "poll() returned a message before send was called");
            require(r.seen() == Seen.IN_TIME, "visibility: in round %d a thread calling poll() in a hot loop (compiled by the"
                    + " JIT) did not get the message within %d ms of send: it would poll for ever. The JIT reads a plain"
                    + " field (or a VarHandle in plain mode, get/set) once: store the message with setRelease and load it"
                    + " with getAcquire. Plain fields here: %s.", round, SEEN_WITHIN.toMillis(), plainFields(box.getClass()));
            int[] m = (int[]) r.value();
            require(m.length == message.length, "poll() returned %d elements, the message has %d", m.length, message.length);
            for (int k = 0; k < m.length; k++) {
                require(m[k] == 7 * k + 1, "element %d of the message is %d, not %d", k, m[k], 7 * k + 1);
            }
            return r.compiled();
        });
    }

    @Test
    @Order(11)
    @Points(1)
    @DisplayName("stretch: the mailbox orders with a VarHandle, not volatile or a lock (checked in the code)")
    @DependsOn("mailboxDelivers")
    void mailboxUsesReleaseAcquire() {
        Mailbox box = Submission.create(Mailbox.class);
        Class<?> type = box.getClass();
        for (Field f : fields(type)) {
            require(!Modifier.isVolatile(f.getModifiers()) && !isAtomic(f), "%s is %s: correct, but this part asks for"
                    + " release/acquire through a VarHandle (setRelease in send, getAcquire in poll), which orders just"
                    + " the message's writes before its read and no more", name(f),
                    isAtomic(f) ? "an atomic" : "volatile");
        }
        for (String m : List.of("send", "poll")) {
            require(!Modifier.isSynchronized(method(type, m)), "%s.%s is synchronized: this part asks for no lock",
                    type.getSimpleName(), m);
        }
        if (varHandleFor(type, int[].class) == null) {
            box.poll();  // a starter's TODO reads "not implemented yet", not "no VarHandle"
        }
        require(varHandleFor(type, int[].class) != null, "no VarHandle: %s has no static VarHandle for an int[] field"
                + " (MethodHandles.lookup().findVarHandle(...)): a plain field read by another thread has no"
                + " happens-before edge to the write", type.getSimpleName());
    }
}
