package course.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import course.display.MimeBundle;
import course.display.Show;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
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
        String feedback = result.feedback();
        Show.show(new MimeBundle(Map.of("text/markdown", feedback, MimeBundle.TEXT, feedback)));
        return result;
    }

    /** Same as {@link #run} without showing anything (used by the grader's own tests). */
    public static CheckResult quietly(Class<?> testClass, Class<?>... studentClasses) {
        String exercise = testClass.isAnnotationPresent(Graded.class)
                ? testClass.getAnnotation(Graded.class).value() : testClass.getSimpleName();
        List<GradedTest> tests = GradedTest.of(testClass);
        EventLog log = new EventLog(null);
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
            launcher.execute(request, log);
        } catch (Throwable e) {
            crash = Feedback.describe(e);
        } finally {
            Submission.clear();
            current.setContextClassLoader(saved);
        }
        Map<String, EventLog.Result> results = log.results();
        String running = log.running().orElse(null);
        List<TestOutcome> outcomes = new ArrayList<>();
        for (GradedTest t : tests) {
            EventLog.Result r = results.get(t.method());
            if (r != null) {
                outcomes.add(EventLog.outcome(t, r.status(), r.message()));
                continue;
            }
            String why = crash != null && t.method().equals(running) ? crash
                    : crash != null ? "not run: grading stopped after " + crash
                    : log.classFailure().orElse("not run");
            outcomes.add(TestOutcome.fail(t, why));
        }
        return new CheckResult(exercise, TestOutcome.attributed(tests, outcomes));
    }

}
