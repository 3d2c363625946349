package course.grading;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * What every graded test gets (through {@link Graded}): a failure if the test leaves threads or
 * child processes running (processes are killed), and a timeout turned into a report of the
 * deadlock or of what the stuck threads wait for.
 */
public final class GradingExtension implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(GradingExtension.class);
    private static final Duration GRACE = Duration.ofMillis(500);

    @Override
    public void beforeEach(ExtensionContext context) {
        Submission.forgetCreated();
        var store = context.getStore(NS);
        store.put("threads", Thread.getAllStackTraces().keySet());
        store.put("processes", ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) throws Exception {
        var store = context.getStore(NS);
        Set<Thread> before = (Set<Thread>) store.get("threads");
        Set<Long> processesBefore = (Set<Long>) store.get("processes");
        List<ProcessHandle> leftProcesses = ProcessHandle.current().descendants()
                .filter(p -> !processesBefore.contains(p.pid()))
                .filter(ProcessHandle::isAlive)
                .toList();
        String processes = "";
        if (!leftProcesses.isEmpty()) {
            leftProcesses.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
            leftProcesses.forEach(ProcessHandle::destroyForcibly);
            processes = "left " + leftProcesses.size() + " process(es) running: "
                    + leftProcesses.stream().map(p -> "pid " + p.pid() + p.info().command().map(c -> " (" + c + ")").orElse(""))
                            .collect(Collectors.joining(", "))
                    + "; the grader killed them (close your pool / destroy your processes)";
        }
        long deadline = System.nanoTime() + GRACE.toNanos();
        List<Thread> left;
        do {
            left = leftThreads(before);
            if (!left.isEmpty()) {
                Thread.sleep(20);
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        String threads = "";
        if (!left.isEmpty()) {
            threads = "left " + left.size() + " thread(s) running after the test: "
                    + left.stream().limit(5).map(Thread::getName).collect(Collectors.joining(", "))
                    + (left.size() > 5 ? ", …" : "")
                    + " (join your threads / shut down your pool)";
            left.forEach(Thread::interrupt);
        }
        String message = String.join("; ", List.of(processes, threads).stream().filter(s -> !s.isEmpty()).toList());
        if (!message.isEmpty()) {
            throw new AssertionError(message);
        }
    }

    private static List<Thread> leftThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t))
                .filter(t -> t.isAlive() && !t.isDaemon())
                .filter(t -> t != Thread.currentThread())
                .filter(t -> !t.getName().startsWith("junit-"))
                .toList();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        String message = String.valueOf(throwable.getMessage());
        if (throwable instanceof java.util.concurrent.TimeoutException || message.contains("timed out after")) {
            @SuppressWarnings("unchecked")
            Set<Thread> before = (Set<Thread>) context.getStore(NS).get("threads");
            List<Thread> started = before == null ? List.of() : leftThreads(before);
            String report = (before == null ? Deadlocks.find(List.of(), Map.of()) : Deadlocks.findSince(before, Map.of()))
                    .orElse("hang: the test did not finish within its time limit (" + message + ")"
                            + (started.isEmpty() ? "" : "; its threads: " + Deadlocks.describeStuck(started.stream().limit(5).toList(), Map.of())));
            AssertionError error = new AssertionError(report);
            error.addSuppressed(throwable);
            throw error;
        }
        throw throwable;
    }
}
