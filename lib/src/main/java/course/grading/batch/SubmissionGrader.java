package course.grading.batch;

import course.grading.EventLog;
import course.grading.GradedTest;
import course.grading.TestOutcome;
import course.platform.Directories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grades one submitted notebook: reads it, finds its exercise, compiles its solution cells, runs the
 * tests in {@link TestJvm}s. A JVM that dies in a test (System.exit, out of memory, a hang) costs that
 * test only: the remaining tests run in a new JVM, up to {@value #MAX_LAUNCHES} launches.
 *
 * @param jvm    how test JVMs start
 * @param heapMb their heap, for the out-of-memory message
 */
record SubmissionGrader(TestJvm jvm, int heapMb) {

    static final int MAX_LAUNCHES = 4;

    /** System property: keep each submission's work folder (sources, classes, the test JVMs' logs) to debug the grader. */
    static final String KEEP_PROPERTY = "course.grading.keep";

    /** Grades {@code notebookFile} for {@code student} in parallel slot {@code slot}; never throws for a bad submission. */
    SubmissionReport grade(Path notebookFile, String student, int slot) {
        long start = System.nanoTime();
        String file = notebookFile.toString();
        Notebook nb;
        try {
            nb = Notebook.read(notebookFile);
        } catch (IOException e) {
            return new SubmissionReport(student, file, "", "invalid notebook", e.getMessage(), List.of(), secondsSince(start));
        }
        Optional<Exercises.Exercise> exercise = nb.exercise().flatMap(Exercises::byId)
                .or(() -> Exercises.forFileName(notebookFile.getFileName().toString()));
        if (exercise.isEmpty()) {
            return new SubmissionReport(student, file, "", "unknown exercise", notebookFile.getFileName()
                    + ": no known exercise in its metadata or file name (expected one of "
                    + Exercises.all().stream().map(Exercises.Exercise::id).toList() + ")", List.of(), secondsSince(start));
        }
        Exercises.Exercise ex = exercise.get();
        List<GradedTest> tests = GradedTest.of(ex.testClass());
        List<Notebook.Cell> cells;
        try {
            cells = nb.solutionCells();
        } catch (RuntimeException e) {
            return new SubmissionReport(student, file, ex.id(), "invalid notebook", notebookFile.getFileName()
                    + ": malformed cells (" + e.getMessage() + ")", zero(tests, "not graded: malformed notebook"), secondsSince(start));
        }
        if (cells.isEmpty()) {
            String why = notebookFile.getFileName() + ": no cells tagged \"solution\" (the tags were removed?"
                    + " copy your code into the starter cells of a fresh notebook)";
            return new SubmissionReport(student, file, ex.id(), "no solution cells", why, zero(tests, "not graded: no solution cells"),
                    secondsSince(start));
        }
        Path work = null;
        try {
            // readable by the sandbox's unprivileged user, which gets write access to its run directories only
            work = Files.createTempDirectory("grade-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            SubmissionCompiler.Compiled compiled = SubmissionCompiler.compile(cells, ex, work);
            if (!compiled.ok()) {
                String why = "does not compile: " + String.join("; ", compiled.errors());
                return new SubmissionReport(student, file, ex.id(), "does not compile", why,
                        zero(tests, "does not compile: " + compiled.errors().getFirst()), secondsSince(start));
            }
            Map<String, TestOutcome> done = new LinkedHashMap<>();
            List<String> reasons = runTests(ex, tests, compiled, work, slot, done);
            List<TestOutcome> outcomes = tests.stream()
                    .map(t -> done.getOrDefault(t.method(), TestOutcome.fail(t, "not run: the test JVM died " + MAX_LAUNCHES + " times")))
                    .toList();
            return new SubmissionReport(student, file, ex.id(), "graded", String.join("; ", reasons),
                    TestOutcome.attributed(tests, outcomes), secondsSince(start));
        } catch (IOException | InterruptedException | RuntimeException e) {
            return new SubmissionReport(student, file, ex.id(), "grader error", "the grader failed: " + e,
                    zero(tests, "not graded: grader error"), secondsSince(start));
        } finally {
            if (work != null && !Boolean.getBoolean(KEEP_PROPERTY)) {
                Directories.deleteTree(work);
            }
        }
    }

    /** Launches test JVMs until every test has an outcome in {@code done}; returns the reasons for crashes. */
    private List<String> runTests(Exercises.Exercise ex, List<GradedTest> tests, SubmissionCompiler.Compiled compiled, Path work,
            int slot, Map<String, TestOutcome> done) throws IOException, InterruptedException {
        List<String> reasons = new ArrayList<>();
        for (int launch = 1; launch <= MAX_LAUNCHES && done.size() < tests.size(); launch++) {
            List<GradedTest> remaining = tests.stream().filter(t -> !done.containsKey(t.method())).toList();
            TestJvm.Launch run = jvm.run(ex.testClass(), remaining, compiled, work.resolve("run-" + launch), slot);
            if (!run.orphans().isEmpty()) {
                reasons.add("left " + run.orphans().size() + " process(es) behind after the tests; the grader killed them");
            }
            for (GradedTest t : remaining) {
                EventLog.Result r = run.events().finished().get(t.method());
                if (r != null) {
                    done.put(t.method(), EventLog.outcome(t, r.status(), r.message()));
                }
            }
            if (run.events().complete()) {
                break;
            }
            String why = crashReason(run);
            Optional<GradedTest> culprit = run.events().running()
                    .flatMap(m -> tests.stream().filter(g -> g.method().equals(m)).findFirst());
            if (culprit.isEmpty()) {
                // died outside any test (class initialisation, discovery): charge every remaining test
                remaining.stream().filter(t -> !done.containsKey(t.method())).forEach(t -> done.put(t.method(), TestOutcome.fail(t, why)));
                reasons.add(why);
                break;
            }
            done.put(culprit.get().method(), TestOutcome.fail(culprit.get(), why));
            reasons.add(culprit.get().name() + ": " + why);
        }
        return reasons;
    }

    /** Why a JVM stopped before its tests were done, in the student's terms. */
    private String crashReason(TestJvm.Launch run) {
        if (run.killed()) {
            return "hang: no result within " + jvm.timeoutSeconds() + " s; the grader killed the JVM";
        }
        if (run.output().contains("OutOfMemoryError")) {
            return "ran out of memory (heap limit " + heapMb + " MB): the JVM was stopped";
        }
        if (run.events().exitCaller().isPresent() || run.status() > 2) {
            String caller = run.events().exitCaller().orElse("");
            return "called System.exit(" + run.status() + ")" + (caller.isEmpty() ? "" : " in " + caller)
                    + ": never end the JVM from your code";
        }
        return "the test JVM ended unexpectedly (status " + run.status() + "): "
                + run.output().lines().filter(l -> !l.isBlank()).findFirst().orElse("no error output");
    }

    private static List<TestOutcome> zero(List<GradedTest> tests, String message) {
        return tests.stream().map(t -> TestOutcome.fail(t, message)).toList();
    }

    private static double secondsSince(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }
}
