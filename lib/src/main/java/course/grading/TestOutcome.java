package course.grading;

import java.util.List;

/**
 * One graded test's result.
 *
 * @param test    the test's display name
 * @param points  what it is worth
 * @param earned  what the submission earned (all or nothing)
 * @param passed  whether it passed
 * @param message plain-words feedback ("" when passed)
 */
public record TestOutcome(String test, int points, int earned, boolean passed, String message) {

    /** A passed test. */
    public static TestOutcome pass(GradedTest t) {
        return new TestOutcome(t.name(), t.points(), t.points(), true, "");
    }

    /** A failed test with its feedback. */
    public static TestOutcome fail(GradedTest t, String message) {
        return new TestOutcome(t.name(), t.points(), 0, false, message);
    }

    /** Points earned over {@code tests}. */
    public static int earned(List<TestOutcome> tests) {
        return tests.stream().mapToInt(TestOutcome::earned).sum();
    }

    /** Points possible over {@code tests}. */
    public static int possible(List<TestOutcome> tests) {
        return tests.stream().mapToInt(TestOutcome::points).sum();
    }

    /** Score over {@code tests} in percent (0 when there are no points). */
    public static double percent(List<TestOutcome> tests) {
        int possible = possible(tests);
        return possible == 0 ? 0 : 100.0 * earned(tests) / possible;
    }
}
