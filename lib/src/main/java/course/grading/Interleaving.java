package course.grading;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Makes a race show on one CPU. On a single CPU, threads interleave only where the scheduler preempts
 * one of them, and HotSpot's optimizing compiler (C2) turns a plain {@code count++} on a field into one
 * {@code add} instruction that no preemption can split: a lost update that two cores show at once
 * never shows on one. While an {@code Interleaving} is open:
 *
 * <ul>
 *   <li>the given classes and the submission's classes ({@link Submission#classes}) are compiled by
 *       the client compiler (C1) only, which keeps every read and every write of the source a step of
 *       its own, a legal execution of any Java program (a compiler directive, added through the
 *       JVM's {@code compilerDirectivesAdd} diagnostic command; a JVM without it runs the code as
 *       usual, and {@link #separateSteps()} says so);</li>
 *   <li>four preempter threads wake every 50 microseconds each: on one CPU a wake-up preempts the
 *       thread that runs, at whatever point of its code it is, and the scheduler often resumes another
 *       (the more wake-ups, the more often a narrow window, such as a {@code count++} inside
 *       {@code synchronized (new Object())}, is split; the grading benchmark measures the effect).</li>
 * </ul>
 *
 * Neither changes what a correct program computes; both make the interleavings that expose an
 * incorrect one happen within a test's time window.
 *
 * <pre>{@code
 * try (Interleaving interleaving = Interleaving.start(ThreadsTests.class)) {
 *     Stress.race(...);
 * }
 * }</pre>
 */
public final class Interleaving implements AutoCloseable {

    private static final long PREEMPT_NANOS = 50_000;
    private static final int PREEMPTERS = 4;
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private final boolean separateSteps;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> preempters = new ArrayList<>();

    private Interleaving(boolean separateSteps) {
        this.separateSteps = separateSteps;
        for (int i = 0; i < PREEMPTERS; i++) {
            preempters.add(Thread.ofPlatform().daemon().name("interleaving-preempter-" + (i + 1)).start(() -> {
                while (!stop.get()) {
                    try {
                        Thread.sleep(0, (int) PREEMPT_NANOS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
    }

    /**
     * Starts interleaving for the submission's classes and {@code testClasses} (with their nested
     * classes and lambdas): the code that races. Close it to end both measures.
     */
    public static Interleaving start(Class<?>... testClasses) {
        return start("c2: { Exclude: true }", testClasses);
    }

    /**
     * {@link #start} with the racing code not compiled at all: the interpreter makes every bytecode a
     * step of its own, so even the narrowest window shows (a {@code count++} between the monitor
     * operations of {@code synchronized (new Object())}), at the interpreter's speed: for time-based
     * tests that count what they did.
     */
    public static Interleaving interpreted(Class<?>... testClasses) {
        return start("c1: { Exclude: true }, c2: { Exclude: true }", testClasses);
    }

    private static Interleaving start(String compilers, Class<?>... testClasses) {
        Set<String> patterns = new LinkedHashSet<>();
        for (Class<?> c : testClasses) {
            patterns.add(pattern(c));
        }
        try {
            Submission.classes().forEach(c -> patterns.add(pattern(c)));
        } catch (AssertionError e) {
            // no submission loaded (a test of the test): the given classes only
        }
        return new Interleaving(addDirective(patterns, compilers));
    }

    /** Whether the racing code runs with every read and write a step of its own (the directive applied). */
    public boolean separateSteps() {
        return separateSteps;
    }

    @Override
    public void close() {
        stop.set(true);
        for (Thread t : preempters) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (separateSteps) {
            invoke("compilerDirectivesRemove", List.of());
        }
    }

    // A method pattern of the compiler directives: the class (binary name, '/' for '.') and everything after it.
    private static String pattern(Class<?> c) {
        return c.getName().replace('.', '/') + "*.*";
    }

    private static boolean addDirective(Set<String> patterns, String compilers) {
        Path file = null;
        try {
            file = Files.createTempFile("interleaving-", ".json");
            String match = patterns.stream().map(p -> "\"" + p.replace("\"", "") + "\"").collect(Collectors.joining(", "));
            Files.writeString(file, "[{ match: [" + match + "], " + compilers + " }]");
            String answer = invoke("compilerDirectivesAdd", List.of(file.toString()));
            return answer != null && answer.contains("1 compiler directives added");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private static String invoke(String operation, List<String> args) {
        try {
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND), operation,
                    new Object[] {new ArrayList<>(args).toArray(String[]::new)}, new String[] {String[].class.getName()});
            return String.valueOf(answer);
        } catch (JMException | RuntimeException e) {
            return null;
        }
    }
}
