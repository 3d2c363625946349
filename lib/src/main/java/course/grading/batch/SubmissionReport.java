package course.grading.batch;

import course.grading.CheckResult;
import course.grading.Scored;
import course.grading.TestOutcome;
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
        List<TestOutcome> tests, double seconds) implements Scored {

    /** Defensive copy. */
    public SubmissionReport {
        tests = List.copyOf(tests);
    }

    /**
     * The student's feedback in Markdown: what the notebook's check cell shows
     * ({@link CheckResult#feedback()}), under a heading naming the file, with the reason the
     * submission could not be graded normally, if any.
     */
    public String feedback() {
        StringBuilder md = new StringBuilder("# Feedback: ").append(student).append('\n').append('\n')
                .append("`").append(file).append("` (").append(status).append(")\n\n");
        if (!reason.isEmpty()) {
            md.append("**").append(reason.replace("\n", " ")).append("**\n\n");
        }
        if (!tests.isEmpty()) {
            md.append(new CheckResult(exercise, tests).feedback());
        }
        return md.toString();
    }
}
