package course.grading.batch;

import com.google.gson.GsonBuilder;
import course.grading.GradedTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exercises' catalogue as the Python side reads it: {@code java course.grading.batch.Catalogue} prints, as
 * JSON, every exercise the grader knows ({@link Exercises#all()}) with its graded tests and their points, exactly
 * as {@link GradedTest#of} lists them for the grader. {@code ./course links} builds the index's table of
 * exercises from it, so no total of points is ever typed by hand.
 */
public final class Catalogue {

    private Catalogue() {
    }

    /** The catalogue: per exercise id (in course order), its test class, total points and tests. */
    public static Map<String, Map<String, Object>> entries() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Exercises.Exercise e : Exercises.all()) {
            List<GradedTest> tests = GradedTest.of(e.testClass());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("testClass", e.testClass().getName());
            entry.put("points", tests.stream().mapToInt(GradedTest::points).sum());
            entry.put("tests", tests);
            out.put(e.id(), entry);
        }
        return out;
    }

    /** Prints {@link #entries()} as JSON on standard output. */
    public static void main(String[] args) {
        System.out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(entries()));
    }
}
