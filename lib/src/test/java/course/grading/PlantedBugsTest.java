package course.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.exercises.Catalog;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Planted bugs: each variant of a reference solution loses exactly the points of the tests that
 * should catch it, with feedback naming the bug class. Starters score 0 with "not implemented yet".
 */
class PlantedBugsTest {

    /** exercise, bug name, expected failing test methods ("?name": may fail, a race), a fragment of the first failure's message, edits. */
    static Stream<Arguments> bugs() {
        return Stream.of(
                Arguments.of("01-threads", "plain long counter", List.of("counterNoLostUpdates"), "lost update: ",
                        new String[] {"private final AtomicLong count = new AtomicLong();", "private long count;",
                                "count.incrementAndGet();", "count++;", "return count.get();", "return count;"}),
                Arguments.of("01-threads", "chunks drop the remainder", List.of("sumSplitsExactly", "sumMatchesSequential"),
                        "an element was skipped",
                        new String[] {"int from = (int) ((long) values.length * t / threads);", "int from = values.length / threads * t;",
                                "int to = (int) ((long) values.length * (t + 1) / threads);", "int to = from + values.length / threads;"}),
                Arguments.of("01-threads", "sequential sum", List.of("sumUsesThreads"), "sequential: ",
                        new String[] {"workers[t].start();", "workers[t].run();"}),
                Arguments.of("04-pools", "waits in input order", List.of("failureCancelsRest"), "not fail-fast",
                        new String[] {"completion.take().get();", "futures.get(done).get();"}),
                Arguments.of("04-pools", "no cancel", List.of("failureCancelsRest"), "not cancelled",
                        new String[] {"futures.forEach(future -> future.cancel(true));", "// forgot to cancel"}),
                Arguments.of("05-producer-consumer", "take never signals", List.of("putBlocksWhenFull", "noLostOrDuplicated", "noLostWakeup"),
                        "the waiting put was not woken", new String[] {"notFull.signal();", "// forgot to signal"}),
                Arguments.of("05-producer-consumer", "put never signals", List.of("takeBlocksWhenEmpty", "noLostOrDuplicated", "noLostWakeup"),
                        "the waiting take was not woken", new String[] {"notEmpty.signal();", "// forgot to signal"}),
                Arguments.of("06-deadlock", "locks in argument order", List.of("noDeadlockOpposite", "noDeadlockRing", "?totalConserved"),
                        "deadlock: transfer-1 holds ",
                        new String[] {"Account first = from.id().compareTo(to.id()) < 0 ? from : to;", "Account first = from;"}),
                Arguments.of("06-deadlock", "no locking", List.of("totalConserved", "?noDeadlockOpposite", "?noDeadlockRing"), "money ",
                        new String[] {"synchronized (first) {", "{", "synchronized (second) {", "{"}));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("bugs")
    void plantedBugLosesTheRightPoints(String id, String bug, List<String> failing, String feedback, String[] edits) throws Exception {
        CheckResult result = Fixtures.check(Fixtures.variant(id, edits), id);
        List<GradedTest> tests = GradedTest.of(Fixtures.exercise(id).testClass());
        Map<String, TestOutcome> byMethod = tests.stream().collect(Collectors.toMap(GradedTest::method,
                t -> result.tests().stream().filter(o -> o.test().equals(t.name())).findFirst().orElseThrow()));
        int mayLose = 0;
        for (GradedTest t : tests) {
            TestOutcome o = byMethod.get(t.method());
            if (failing.contains("?" + t.method())) {
                mayLose += o.passed() ? 0 : t.points();
            } else if (failing.contains(t.method())) {
                assertTrue(!o.passed() && o.earned() == 0, bug + ": " + t.method() + " should fail: " + o);
            } else {
                assertTrue(o.passed(), bug + ": " + t.method() + " should still pass: " + o);
            }
        }
        int lost = tests.stream().filter(t -> failing.contains(t.method())).mapToInt(GradedTest::points).sum();
        assertEquals(result.possible() - lost - mayLose, result.earned(), bug + ": " + result.tests());
        String first = byMethod.get(failing.getFirst()).message();
        assertTrue(first.contains(feedback), bug + ": feedback `" + first + "` should contain `" + feedback + "`");
        assertTrue(!first.contains("\tat "), "feedback is plain words, not a stack trace: " + first);
    }

    @Test
    void startersScoreZeroWithNotImplementedYet() throws Exception {
        for (Catalog.Exercise ex : Catalog.all()) {
            Notebook student = Notebook.read(Fixtures.STUDENT.resolve(ex.id() + ".ipynb"));
            CheckResult result = Fixtures.check(student.solutionCells(), ex.id());
            assertEquals(0, result.earned(), ex.id() + ": " + result.tests());
            for (TestOutcome o : result.tests()) {
                assertEquals(Feedback.NOT_IMPLEMENTED, o.message(), ex.id() + ": " + o);
            }
        }
    }

    @Test
    void studentNotebooksAreInSyncWithInstructorNotebooks() throws Exception {
        for (Catalog.Exercise ex : Catalog.all()) {
            String expected = ReleaseCommand.release(Fixtures.instructor(ex.id()));
            String committed = java.nio.file.Files.readString(Fixtures.STUDENT.resolve(ex.id() + ".ipynb"));
            assertEquals(expected, committed, ex.id() + ".ipynb is out of sync with lib/instructor/exercises: run ./course release");
            assertTrue(!committed.contains("BEGIN SOLUTION") && !committed.contains("\"outputs\": [\n"),
                    ex.id() + ": the student notebook leaks a solution or carries outputs");
        }
    }
}
