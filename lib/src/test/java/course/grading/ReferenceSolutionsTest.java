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
            assertTrue(result.possible() >= 8, "too few points in " + id);
            assertEquals(result.possible(), result.earned(), "run " + run + " of " + id + ": " + result.tests());
        }
    }
}
