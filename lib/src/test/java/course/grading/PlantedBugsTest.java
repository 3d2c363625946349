package course.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grading.batch.Exercises;
import course.grading.batch.Notebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sample of the planted-bug corpus ({@code lib/corpus/<exercise>/<entry>.jsh}, the format is described in
 * {@code lib/py/coursekit/corpus.py}): each bug loses exactly the points of the tests it names (and perhaps of
 * those it says may fail), with feedback containing its fragment; each correct-but-unusual solution scores
 * 100%. Per exercise, {@value #BUGS} bugs and one correct entry, chosen by the seed {@code -Dcorpus.seed}
 * (default 0); {@code -Dcorpus.all=true} runs every entry. The whole corpus, on several machine shapes, is
 * {@code ./course bench grading}. Starters score 0 with "not implemented yet".
 */
class PlantedBugsTest {

    static final Path CORPUS = Path.of("corpus");
    static final int BUGS = 2;
    static final String CELL = "// ==== cell ";
    static final String BEGIN = "// BEGIN SOLUTION";
    static final String END = "// END SOLUTION";

    /** One corpus entry: its header and the cells it replaces (by cell id or {@code #N}). */
    record Entry(String exercise, String name, Map<String, String> header, Map<String, String> cells) {
        boolean bug() {
            return header.get("kind").equals("bug");
        }

        List<String> list(String key) {
            return Arrays.stream(header.getOrDefault(key, "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        @Override
        public String toString() {
            return exercise + "/" + name;
        }
    }

    static Entry parse(Path file) throws IOException {
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, String> cells = new LinkedHashMap<>();
        String key = null;
        StringBuilder body = new StringBuilder();
        for (String line : Files.readString(file).split("\n", -1)) {
            if (line.startsWith(CELL)) {
                if (key != null) {
                    cells.put(key, body.toString().strip());
                }
                key = line.substring(CELL.length()).strip();
                body.setLength(0);
            } else if (key != null) {
                body.append(line).append('\n');
            } else if (line.startsWith("// ") && line.contains(":")) {
                header.put(line.substring(3, line.indexOf(':')).strip(), line.substring(line.indexOf(':') + 1).strip());
            }
        }
        if (key != null) {
            cells.put(key, body.toString().strip());
        }
        String name = file.getFileName().toString().replaceFirst("\\.jsh$", "");
        return new Entry(file.getParent().getFileName().toString(), name, header, cells);
    }

    static Stream<Arguments> sample() throws IOException {
        long seed = Long.getLong("corpus.seed", 0);
        boolean all = Boolean.getBoolean("corpus.all");
        List<Arguments> chosen = new ArrayList<>();
        for (Exercises.Exercise ex : Exercises.all()) {
            List<Entry> entries = new ArrayList<>();
            try (Stream<Path> files = Files.list(CORPUS.resolve(ex.id()))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".jsh")).sorted().toList()) {
                    entries.add(parse(f));
                }
            }
            Collections.shuffle(entries, new Random(seed + ex.id().hashCode()));
            List<Entry> bugs = entries.stream().filter(Entry::bug).toList();
            List<Entry> correct = entries.stream().filter(e -> !e.bug()).toList();
            assertTrue(bugs.size() >= 8 && correct.size() >= 3, ex.id() + ": the corpus needs at least 8 bugs and 3 correct entries");
            Stream.concat(bugs.stream().limit(all ? bugs.size() : BUGS), correct.stream().limit(all ? correct.size() : 1))
                    .forEach(e -> chosen.add(Arguments.of(e)));
        }
        return chosen.stream();
    }

    /** The reference solution cells (markers removed) with the entry's cells substituted. */
    static List<Notebook.Cell> cells(Entry entry) throws IOException {
        Notebook reference = Fixtures.instructor(entry.exercise());
        List<Notebook.Cell> solution = reference.solutionCells();
        var json = reference.json().getAsJsonArray("cells");
        Map<String, String> left = new LinkedHashMap<>(entry.cells());
        List<Notebook.Cell> out = new ArrayList<>();
        for (int n = 0; n < solution.size(); n++) {
            Notebook.Cell c = solution.get(n);
            String id = json.get(c.index() - 1).getAsJsonObject().get("id").getAsString();
            String replaced = left.remove(id);
            String byOrder = left.remove("#" + (n + 1));
            String source = replaced != null ? replaced : byOrder != null ? byOrder
                    : c.source().lines().filter(l -> !l.strip().startsWith(BEGIN) && !l.strip().startsWith(END))
                            .collect(Collectors.joining("\n"));
            out.add(new Notebook.Cell(c.index(), c.type(), c.tags(), source));
        }
        assertTrue(left.isEmpty(), entry + ": no solution cell " + left.keySet() + " in the instructor notebook");
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sample")
    void corpusEntryLosesTheRightPoints(Entry entry) throws Exception {
        String id = entry.exercise();
        CheckResult result = Fixtures.check(cells(entry), id);
        if (!entry.bug()) {
            assertEquals(result.possible(), result.earned(), entry + " is correct and must score 100%: " + result.tests());
            return;
        }
        List<String> failing = entry.list("expect_fail");
        List<String> mayFail = entry.list("may_fail");
        List<GradedTest> tests = GradedTest.of(Fixtures.exercise(id).testClass());
        Map<String, TestOutcome> byMethod = tests.stream().collect(Collectors.toMap(GradedTest::method,
                t -> result.tests().stream().filter(o -> o.test().equals(t.name())).findFirst().orElseThrow()));
        assertTrue(byMethod.keySet().containsAll(failing) && byMethod.keySet().containsAll(mayFail),
                entry + ": names a test that does not exist; tests are " + byMethod.keySet());
        for (GradedTest t : tests) {
            TestOutcome o = byMethod.get(t.method());
            if (failing.contains(t.method())) {
                assertTrue(!o.passed() && o.earned() == 0, entry + ": " + t.method() + " should fail: " + o);
            } else if (!mayFail.contains(t.method())) {
                assertTrue(o.passed(), entry + ": " + t.method() + " should still pass: " + o);
            }
        }
        assertTrue(result.earned() < result.possible(), entry + " must lose points");
        String first = byMethod.get(failing.getFirst()).message();
        String feedback = entry.header().get("feedback");
        assertTrue(first.contains(feedback), entry + ": feedback `" + first + "` should contain `" + feedback + "`");
        assertTrue(!first.contains("\tat "), "feedback is plain words, not a stack trace: " + first);
    }

    @Test
    void startersScoreZeroWithNotImplementedYet() throws Exception {
        for (Exercises.Exercise ex : Exercises.all()) {
            Notebook student = Notebook.read(Fixtures.STUDENT.resolve(ex.id() + ".ipynb"));
            CheckResult result = Fixtures.check(student.solutionCells(), ex.id());
            assertEquals(0, result.earned(), ex.id() + ": " + result.tests());
            for (TestOutcome o : result.tests()) {
                // a test that depends on an earlier one says so, with the same reason: "... (here: not implemented yet)"
                assertTrue(o.message().equals(Feedback.NOT_IMPLEMENTED)
                        || o.message().startsWith(TestOutcome.CONSEQUENCE) && o.message().endsWith("(here: " + Feedback.NOT_IMPLEMENTED + ")"),
                        ex.id() + ": " + o);
            }
        }
    }
}
