package course.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grading.batch.Exercises;
import course.grading.batch.Notebook;
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
                Arguments.of("09-processes", "put instead of merge", List.of("countsMatch", "edgeCases"), "wrong count for ",
                        new String[] {"total.merge(parts[i], Long.parseLong(parts[i + 1]), Long::sum);",
                                "total.put(parts[i], Long.parseLong(parts[i + 1]));"}),
                Arguments.of("09-processes", "counted in the parent", List.of("usesWorkerProcesses"), "no worker processes",
                        new String[] {"try (var pool = ProcessPool.fromSource(groups.size(), \"CountWords\", CountWordsSource.JAVA)) {", "{",
                                "pool.map(groups)", "groups.stream().map(ProcessWordCounter::countHere).toList()",
                                "        return total;\n        // END SOLUTION\n    }",
                                "        return total;\n        // END SOLUTION\n    }\n    static String countHere(String input) { try {"
                                        + " Map<String, Long> c = new TreeMap<>(); for (String f : input.lines().toList()) {"
                                        + " for (String w : Files.readString(Path.of(f)).split(\"[^\\\\p{L}]+\")) { if (!w.isEmpty())"
                                        + " c.merge(w.toLowerCase(Locale.ROOT), 1L, Long::sum); } } StringBuilder o = new StringBuilder();"
                                        + " c.forEach((w, n) -> o.append(w).append(' ').append(n).append(' ')); return o.toString().strip();"
                                        + " } catch (IOException e) { throw new UncheckedIOException(e); } }"}),
                Arguments.of("09-processes", "pool never closed", List.of("noSurvivors", "edgeCases"), "left 2 worker process(es) running",
                        new String[] {"try (var pool = ProcessPool.fromSource(groups.size(), \"CountWords\", CountWordsSource.JAVA)) {",
                                "{ var pool = ProcessPool.fromSource(groups.size(), \"CountWords\", CountWordsSource.JAVA);"}),
                Arguments.of("09-processes", "case-sensitive words", List.of("countsMatch", "edgeCases"), "is not lowercased",
                        new String[] {"counts.merge(word.toString().toLowerCase(Locale.ROOT), 1L, Long::sum);",
                                "counts.merge(word.toString(), 1L, Long::sum);"}),
                Arguments.of("11-async", "no cap", List.of("capNeverExceeded"), "limit exceeded: ",
                        new String[] {"permits.acquireUninterruptibly(); // waits while maxInFlight requests are out", "// no cap"}),
                Arguments.of("11-async", "blocking send", List.of("notSequential", "perRequestTimeout"), "secretly sequential: ",
                        new String[] {"futures.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())",
                                "futures.add(CompletableFuture.completedFuture(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join())"}),
                Arguments.of("11-async", "failure fails the batch", List.of("failureAtItsPosition"), "failed the whole batch",
                        new String[] {"return Fetched.failed(uri, \"HTTP \" + response.statusCode());",
                                "throw new IllegalStateException(\"HTTP \" + response.statusCode());"}),
                Arguments.of("11-async", "no timeout", List.of("perRequestTimeout"), "no per-request timeout",
                        new String[] {"HttpRequest.newBuilder(uri).timeout(timeout).GET().build();", "HttpRequest.newBuilder(uri).GET().build();"}),
                Arguments.of("13-virtual-threads", "release not in finally", List.of("failuresDoNotLeakPermits"), "permit leak: ",
                        new String[] {"return task.call();\n                    } finally {\n                        permits.release(); // also when the task throws\n                    }",
                                "T r = task.call();\n                        permits.release();\n                        return r;\n                    } finally {\n                    }"}),
                Arguments.of("13-virtual-threads", "no semaphore", List.of("capNeverExceeded"), "limit exceeded: ",
                        new String[] {"permits.acquire();", "// no permit", "permits.release(); // also when the task throws", "// nothing"}),
                Arguments.of("13-virtual-threads", "platform pool", List.of("virtualAndConcurrent"), "not virtual: ",
                        new String[] {"Executors.newVirtualThreadPerTaskExecutor()", "Executors.newFixedThreadPool(64)"}),
                Arguments.of("13-virtual-threads", "first failure in completion order", List.of("failureAfterAllRan"), "first failure in input order",
                        new String[] {"first = first == null ? e : first; // input order: the first failing position wins",
                                "first = first == null || e.getCause().getMessage().contains(\"13\") ? e : first;"}),
                Arguments.of("05-pools", "waits in input order", List.of("failureCancelsRest"), "not fail-fast",
                        new String[] {"completion.take().get();", "futures.get(done).get();"}),
                Arguments.of("05-pools", "no cancel", List.of("failureCancelsRest"), "not cancelled",
                        new String[] {"futures.forEach(future -> future.cancel(true));", "// forgot to cancel"}),
                Arguments.of("07-bounded-buffer", "take never signals", List.of("putBlocksWhenFull", "noLostOrDuplicated", "noLostWakeup"),
                        "the waiting put was not woken", new String[] {"notFull.signal();", "// forgot to signal"}),
                Arguments.of("07-bounded-buffer", "put never signals", List.of("takeBlocksWhenEmpty", "noLostOrDuplicated", "noLostWakeup"),
                        "the waiting take was not woken", new String[] {"notEmpty.signal();", "// forgot to signal"}),
                Arguments.of("02-bank", "locks in argument order", List.of("noDeadlockOpposite", "noDeadlockRing", "?totalConserved"),
                        "deadlock: transfer-1 holds ",
                        new String[] {"Account first = from.id().compareTo(to.id()) < 0 ? from : to;", "Account first = from;"}),
                Arguments.of("02-bank", "no locking", List.of("totalConserved", "?noDeadlockOpposite", "?noDeadlockRing"), "money ",
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
        for (Exercises.Exercise ex : Exercises.all()) {
            Notebook student = Notebook.read(Fixtures.STUDENT.resolve(ex.id() + ".ipynb"));
            CheckResult result = Fixtures.check(student.solutionCells(), ex.id());
            assertEquals(0, result.earned(), ex.id() + ": " + result.tests());
            for (TestOutcome o : result.tests()) {
                assertEquals(Feedback.NOT_IMPLEMENTED, o.message(), ex.id() + ": " + o);
            }
        }
    }
}
