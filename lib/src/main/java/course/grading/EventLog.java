package course.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The one JUnit listener of grading: it keeps each test's result in memory (for {@link Check}) and,
 * in the batch grader's child JVM, also appends one line per test start and finish to a file,
 * flushed at once, so the parent keeps every result even if a submission ends the JVM. Registered
 * through {@code META-INF/services}, where it is inert unless the system property {@value #PROPERTY}
 * names a file. A shutdown hook records which test was running when the JVM was told to exit and
 * from where.
 *
 * <p>File format, one event per line, tab-separated: {@code event, method, status, message}, where
 * event is {@code started}, {@code finished}, {@code exit} or {@code done}, status a JUnit
 * {@link TestExecutionResult.Status} name.
 */
public final class EventLog implements TestExecutionListener {

    /** System property: the file to append events to. */
    public static final String PROPERTY = "course.grading.events";

    /**
     * A finished test.
     *
     * @param status  SUCCESSFUL, ABORTED (inconclusive) or FAILED
     * @param message the feedback for a failure or an abort
     */
    public record Result(TestExecutionResult.Status status, String message) {
    }

    private final Path file;
    private final Map<String, Result> results = new ConcurrentHashMap<>();
    private volatile String running;
    private volatile String classFailure;

    /** Created by JUnit's service loader: writes to the file named by {@value #PROPERTY}, if any. */
    public EventLog() {
        this(Optional.ofNullable(System.getProperty(PROPERTY)).filter(s -> !s.isBlank()).map(Path::of).orElse(null));
    }

    /** A log writing to {@code file}, or only keeping results in memory if {@code file} is null. */
    public EventLog(Path file) {
        this.file = file;
    }

    /** The finished tests' results by method name. */
    public Map<String, Result> results() {
        return Map.copyOf(results);
    }

    /** The test running now (or when the JVM stopped), if any. */
    public Optional<String> running() {
        return Optional.ofNullable(running);
    }

    /** Why the test class itself failed (its set-up threw), if it did. */
    public Optional<String> classFailure() {
        return Optional.ofNullable(classFailure);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (file != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdown, "grading-exit-hook"));
        }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        methodOf(id).ifPresent(m -> {
            running = m;
            write("started", m, "", "");
        });
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Optional<String> method = methodOf(id);
        String message = Feedback.message(result.getThrowable().orElse(null));
        if (method.isEmpty()) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && classFailure == null) {
                classFailure = message;
            }
            return;
        }
        running = null;
        results.put(method.get(), new Result(result.getStatus(), message));
        write("finished", method.get(), result.getStatus().name(), message);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        write("done", "", "", "");
    }

    /** The outcome of {@code t} from a JUnit status and message. */
    public static TestOutcome outcome(GradedTest t, TestExecutionResult.Status status, String message) {
        return switch (status) {
            case SUCCESSFUL -> TestOutcome.pass(t);
            case ABORTED -> TestOutcome.inconclusive(t, message);
            case FAILED -> TestOutcome.fail(t, message);
        };
    }

    static Optional<String> methodOf(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getMethodName())
                .filter(m -> id.isTest());
    }

    private void onShutdown() {
        String test = running;
        if (test == null) {
            return;
        }
        String caller = "";
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] stack = e.getValue();
            boolean exiting = Arrays.stream(stack).anyMatch(f -> f.getClassName().equals("java.lang.Shutdown")
                    || (f.getClassName().equals("java.lang.Runtime") && f.getMethodName().equals("exit")));
            if (exiting) {
                caller = Arrays.stream(stack).filter(Feedback::isStudentFrame).findFirst().map(Feedback::where).orElse("");
                break;
            }
        }
        write("exit", test, "", caller);
    }

    private synchronized void write(String event, String test, String status, String message) {
        if (file == null) {
            return;
        }
        String line = String.join("\t", event, test, status, message.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ')) + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
