package course.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The batch grader's ears inside the child JVM: a JUnit listener (registered through
 * {@code META-INF/services}, inert unless the system property {@value #PROPERTY} names a file) that
 * appends one line per test start and finish, flushed at once, so the parent keeps every result
 * even if a submission ends the JVM. A shutdown hook records which test was running when the JVM
 * was told to exit and from where.
 */
public final class EventLog implements TestExecutionListener {

    /** System property: the file to append events to. */
    public static final String PROPERTY = "course.grading.events";

    private final Path file;
    private volatile String running;

    /** Created by JUnit's service loader. */
    public EventLog() {
        String name = System.getProperty(PROPERTY);
        this.file = name == null || name.isBlank() ? null : Path.of(name);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (file != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdown, "grading-exit-hook"));
        }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        Check.methodOf(id).ifPresent(m -> {
            running = m;
            write("started", m, "", "");
        });
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Check.methodOf(id).ifPresent(m -> {
            running = null;
            write("finished", m, result.getStatus().name(), Feedback.message(result.getThrowable().orElse(null)));
        });
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        write("done", "", "", "");
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
                caller = Arrays.stream(stack).filter(Feedback::isStudentFrame).findFirst()
                        .map(f -> Feedback.simpleClass(f.getClassName()) + "." + f.getMethodName()
                                + (f.getLineNumber() > 0 ? " line " + f.getLineNumber() : ""))
                        .orElse("");
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
