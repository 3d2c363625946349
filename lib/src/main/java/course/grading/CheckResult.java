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
public record CheckResult(String exercise, List<TestOutcome> tests) {

    /** Defensive copy. */
    public CheckResult {
        tests = List.copyOf(tests);
    }

    /** Points earned. */
    public int earned() {
        return TestOutcome.earned(tests);
    }

    /** Points possible. */
    public int possible() {
        return TestOutcome.possible(tests);
    }

    /** Score in percent (0 when there are no points). */
    public double percent() {
        return TestOutcome.percent(tests);
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
                StringColumn.create("message", tests.stream().map(TestOutcome::message).toList()));
    }

    @Override
    public String toString() {
        return summary();
    }
}
