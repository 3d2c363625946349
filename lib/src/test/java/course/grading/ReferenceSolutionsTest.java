package course.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grading.batch.Exercises;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every instructor notebook's reference solution scores 100%, five runs in a row. */
class ReferenceSolutionsTest {

    static List<String> exercises() {
        return Exercises.all().stream().map(Exercises.Exercise::id).toList();
    }

    @ParameterizedTest
    @MethodSource("exercises")
    void referenceScoresFullMarksFiveTimes(String id) throws Exception {
        Class<?>[] classes = Fixtures.load(Fixtures.instructor(id).solutionCells(), id);
        for (int run = 1; run <= 5; run++) {
            CheckResult result = Check.quietly(Fixtures.exercise(id).testClass(), classes);
            // All tests' points, decided or not: a test that could not establish its concurrency on a busy machine is
            // "inconclusive" and leaves the possible total; the reference must still lose nothing it was graded on.
            assertTrue(result.tests().stream().mapToInt(TestOutcome::points).sum() >= 8, "too few points in " + id);
            assertTrue(result.tests().stream().noneMatch(t -> !t.passed() && !t.inconclusive()),
                    "run " + run + " of " + id + " failed a test: " + result.tests());
            assertEquals(result.possible(), result.earned(), "run " + run + " of " + id + ": " + result.tests());
        }
    }
}
