package course.grading;

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
}
