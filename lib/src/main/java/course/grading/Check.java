package course.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import course.display.Show;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The check cell's entry point: runs an exercise's JUnit 5 tests in this JVM against the
 * student's classes, shows a table (test, points, passed, message) and the score, and returns
 * the result.
 *
 * <pre>{@code
 * var result = Check.run(ThreadsTests.class, SafeCounter.class, ThreadSum.class);
 * }</pre>
 *
 * It never throws for a wrong, unfinished or hanging submission: every test is bounded, and a
 * failure becomes feedback in the table.
 */
public final class Check {

    private Check() {
    }

    /** Runs the tests of {@code testClass} against {@code studentClasses}, shows the result and returns it. */
    public static CheckResult run(Class<?> testClass, Class<?>... studentClasses) {
        CheckResult result = quietly(testClass, studentClasses);
        Show.show(result.table());
        Show.show(result.summary());
        return result;
    }

    /** Same as {@link #run} without showing anything (used by the grader's own tests). */
    public static CheckResult quietly(Class<?> testClass, Class<?>... studentClasses) {
        String exercise = testClass.isAnnotationPresent(Graded.class)
                ? testClass.getAnnotation(Graded.class).value() : testClass.getSimpleName();
        List<GradedTest> tests = GradedTest.of(testClass);
        Map<String, TestOutcome> outcomes = new ConcurrentHashMap<>();
        String[] classFailure = {null};
        String[] running = {null};
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                methodOf(id).ifPresent(m -> running[0] = m);
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult r) {
                var method = methodOf(id);
                if (method.isEmpty()) {
                    if (r.getStatus() != TestExecutionResult.Status.SUCCESSFUL && classFailure[0] == null) {
                        classFailure[0] = Feedback.message(r.getThrowable().orElse(null));
                    }
                    return;
                }
                GradedTest t = find(tests, method.get());
                if (t != null) {
                    outcomes.put(t.method(), r.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                            ? TestOutcome.pass(t)
                            : TestOutcome.fail(t, Feedback.message(r.getThrowable().orElse(null))));
                }
            }
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .configurationParameter("junit.platform.stacktrace.pruning.enabled", "true")
                .build();
        Thread current = Thread.currentThread();
        ClassLoader saved = current.getContextClassLoader();
        current.setContextClassLoader(Check.class.getClassLoader());
        Submission.install(Arrays.asList(studentClasses));
        String crash = null;
        try {
            var launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false).build());
            launcher.execute(request, listener);
        } catch (Throwable e) {
            crash = Feedback.describe(e);
        } finally {
            Submission.clear();
            current.setContextClassLoader(saved);
        }
        List<TestOutcome> result = new ArrayList<>();
        for (GradedTest t : tests) {
            TestOutcome o = outcomes.get(t.method());
            if (o == null) {
                String why = crash != null && t.method().equals(running[0]) ? crash
                        : crash != null ? "not run: grading stopped after " + crash
                        : classFailure[0] != null ? classFailure[0] : "not run";
                o = TestOutcome.fail(t, why);
            }
            result.add(o);
        }
        return new CheckResult(exercise, result);
    }

    private static GradedTest find(List<GradedTest> tests, String method) {
        return tests.stream().filter(t -> t.method().equals(method)).findFirst().orElse(null);
    }

    static java.util.Optional<String> methodOf(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getMethodName())
                .filter(m -> id.isTest());
    }
}
