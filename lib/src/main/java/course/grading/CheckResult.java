package course.grading;

import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The result of checking one exercise: one outcome per test, and the score.
 *
 * @param exercise the exercise id, e.g. {@code "01-threads"}
 * @param tests    the outcomes in test order
 */
public record CheckResult(String exercise, List<TestOutcome> tests) implements Scored {

    /** Defensive copy. */
    public CheckResult {
        tests = List.copyOf(tests);
    }

    /** "Score: 7 / 10 (70%)". */
    public String summary() {
        return "%s score: %d / %d (%.0f%%)".formatted(exercise, earned(), possible(), percent());
    }

    /** The table shown by a check cell: test, points, passed, message. */
    public Table table() {
        return Table.create(exercise,
                StringColumn.create("test", tests.stream().map(TestOutcome::test).toList()),
                IntColumn.create("points", tests.stream().mapToInt(TestOutcome::earned).toArray()),
                IntColumn.create("of", tests.stream().mapToInt(TestOutcome::points).toArray()),
                BooleanColumn.create("passed", tests.stream().map(TestOutcome::passed).toList()),
                StringColumn.create("verdict", tests.stream().map(TestOutcome::verdict).toList()),
                StringColumn.create("message", tests.stream().map(TestOutcome::message).toList()));
    }

    /**
     * The feedback a student reads, in Markdown: the score, then each failure that has its own
     * cause, the failures that follow from it, inconclusive tests, and the tests passed. The batch
     * grader writes the same text into each student's feedback file.
     */
    public String feedback() {
        StringBuilder md = new StringBuilder("## ").append(summary()).append("\n\n");
        long inconclusive = tests.stream().filter(TestOutcome::inconclusive).count();
        if (inconclusive > 0) {
            md.append("_").append(inconclusive).append(" test(s) could not decide on this machine: their points are left out;"
                    + " run the check again on a less busy machine._\n\n");
        }
        for (TestOutcome t : tests) {
            String mark = t.passed() ? "passed" : t.inconclusive() ? "inconclusive" : t.consequence() ? "failed (consequence)" : "FAILED";
            md.append("- **").append(mark).append("** ").append(t.test()).append(" (").append(t.earned()).append('/')
                    .append(t.points()).append(')');
            if (!t.message().isEmpty()) {
                md.append(": ").append(t.message().replace("\n", " "));
            }
            md.append('\n');
        }
        return md.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
