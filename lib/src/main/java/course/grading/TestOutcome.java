package course.grading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One graded test's result.
 *
 * @param test         the test's display name
 * @param points       what it is worth
 * @param earned       what the submission earned (all or nothing)
 * @param passed       whether it passed
 * @param inconclusive whether the test could not decide on this machine ({@link Inconclusive}): not
 *                     a pass, not a fail, and its points are left out of the possible points
 * @param message      plain-words feedback ("" when passed)
 */
public record TestOutcome(String test, int points, int earned, boolean passed, boolean inconclusive, String message) {

    /** The start of the message of a failure that only follows from an earlier one ({@link DependsOn}). */
    public static final String CONSEQUENCE = "fails only because ";

    /** A passed test. */
    public static TestOutcome pass(GradedTest t) {
        return new TestOutcome(t.name(), t.points(), t.points(), true, false, "");
    }

    /** A failed test with its feedback. */
    public static TestOutcome fail(GradedTest t, String message) {
        return new TestOutcome(t.name(), t.points(), 0, false, false, message);
    }

    /** A test that could not decide on this machine, with its reason. */
    public static TestOutcome inconclusive(GradedTest t, String message) {
        return new TestOutcome(t.name(), t.points(), 0, false, true, message);
    }

    /** True if this failure follows from an earlier failed test ({@link DependsOn}). */
    public boolean consequence() {
        return !passed && !inconclusive && message.startsWith(CONSEQUENCE);
    }

    /** "passed", "failed" or "inconclusive". */
    public String verdict() {
        return passed ? "passed" : inconclusive ? "inconclusive" : "failed";
    }

    /**
     * {@code outcomes} (in the order of {@code tests}) with each failure of a test whose
     * {@link DependsOn} prerequisite failed rewritten as "fails only because "NAME" failed (...)".
     */
    public static List<TestOutcome> attributed(List<GradedTest> tests, List<TestOutcome> outcomes) {
        Map<String, TestOutcome> byMethod = new HashMap<>();
        Map<String, GradedTest> testsByMethod = new HashMap<>();
        for (int i = 0; i < tests.size(); i++) {
            byMethod.put(tests.get(i).method(), outcomes.get(i));
            testsByMethod.put(tests.get(i).method(), tests.get(i));
        }
        List<TestOutcome> result = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            TestOutcome o = outcomes.get(i);
            String root = o.passed() || o.inconclusive() ? null : rootFailure(tests.get(i), byMethod, testsByMethod, 0);
            result.add(root == null ? o : new TestOutcome(o.test(), o.points(), o.earned(), false, false,
                    CONSEQUENCE + "\"" + root + "\" failed (here: " + o.message() + ")"));
        }
        return result;
    }

    private static String rootFailure(GradedTest t, Map<String, TestOutcome> outcomes, Map<String, GradedTest> tests, int depth) {
        for (String before : t.dependsOn()) {
            TestOutcome o = outcomes.get(before);
            if (o != null && !o.passed() && !o.inconclusive() && depth < tests.size()) {
                String deeper = tests.containsKey(before) ? rootFailure(tests.get(before), outcomes, tests, depth + 1) : null;
                return deeper != null ? deeper : o.test();
            }
        }
        return null;
    }

    /** Points earned over {@code tests}. */
    public static int earned(List<TestOutcome> tests) {
        return tests.stream().mapToInt(TestOutcome::earned).sum();
    }

    /** Points possible over {@code tests}: inconclusive tests are left out. */
    public static int possible(List<TestOutcome> tests) {
        return tests.stream().filter(t -> !t.inconclusive()).mapToInt(TestOutcome::points).sum();
    }

    /** Score over {@code tests} in percent (0 when there are no points). */
    public static double percent(List<TestOutcome> tests) {
        int possible = possible(tests);
        return possible == 0 ? 0 : 100.0 * earned(tests) / possible;
    }
}
