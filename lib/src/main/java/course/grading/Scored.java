package course.grading;

import java.util.List;

/**
 * Anything scored by a list of test outcomes: a check cell's result, a batch submission's report.
 * The score is computed in one place ({@link TestOutcome#earned}, {@link TestOutcome#possible},
 * {@link TestOutcome#percent}); implementations only hand over their outcomes.
 */
public interface Scored {

    /** The outcomes, in test order. */
    List<TestOutcome> tests();

    /** Points earned. */
    default int earned() {
        return TestOutcome.earned(tests());
    }

    /** Points possible (0 when nothing could be graded). */
    default int possible() {
        return TestOutcome.possible(tests());
    }

    /** Score in percent (0 when there are no points). */
    default double percent() {
        return TestOutcome.percent(tests());
    }
}
