package course.grading;

import java.util.List;

/**
 * The batch grader's verdict on one submitted notebook.
 *
 * @param student  who submitted it (the folder name, or the file name)
 * @param file     the notebook's path as given
 * @param exercise the exercise id ("" if unknown)
 * @param status   "graded", "does not compile", "invalid notebook", "no solution cells", "unknown exercise"
 * @param reason   what went wrong for the submission as a whole ("" if nothing)
 * @param tests    per-test outcomes (all zero when the tests could not run)
 * @param seconds  wall time spent on this submission (compile and tests)
 */
public record SubmissionReport(String student, String file, String exercise, String status, String reason,
        List<TestOutcome> tests, double seconds) {

    /** Defensive copy. */
    public SubmissionReport {
        tests = List.copyOf(tests);
    }

    /** Points earned. */
    public int earned() {
        return TestOutcome.earned(tests);
    }

    /** Points possible (0 if the exercise is unknown). */
    public int possible() {
        return TestOutcome.possible(tests);
    }

    /** Score in percent. */
    public double percent() {
        return TestOutcome.percent(tests);
    }
}
