package course.grading;

import com.google.gson.GsonBuilder;
import course.exercises.Catalog;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./course grade PATH... [--csv FILE] [--json FILE]}: grades submitted exercise notebooks.
 *
 * <p>For each notebook: read it, find its exercise (metadata {@code course.exercise} or the file
 * name), compile its {@code solution} cells against lib, then run the exercise's tests with the
 * JUnit 5 console launcher in a fresh JVM (small heap, hard kill at {@code --timeout}). A JVM that
 * dies in a test (System.exit, out of memory) costs that test only: the remaining tests run in a
 * new JVM. Prints a table per submission and a summary, writes a CSV gradebook and a JSON report,
 * and exits 0 whenever grading ran, whatever the scores.
 *
 * <p>Every test JVM has the same class path (lib, its dependencies, the console launcher); the
 * submission's classes come through {@link Submission#PATH_PROPERTY}. That lets all of them share
 * one AOT cache ({@link GraderCache}, in {@code target/aot/}, trained on first use and keyed by JDK,
 * flags and class path). {@code --quick} shrinks the stress budgets; {@code --no-aot} skips the cache.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade submitted exercise notebooks (files or folders) with the JUnit 5 console launcher.")
public final class GradeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "notebooks, or folders searched for *.ipynb")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--csv", paramLabel = "FILE", description = "write the gradebook as CSV")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "write the full report as JSON (default: next to the CSV)")
    Path json;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "hard limit per submission JVM (default: ${DEFAULT-VALUE})")
    int timeoutSeconds = 60;

    @Option(names = "--heap", paramLabel = "MB", description = "heap of each submission JVM (default: ${DEFAULT-VALUE})")
    int heapMb = 256;

    @Option(names = "--timing", description = "print the time spent on each submission and on the batch")
    boolean timing;

    @Option(names = "--quiet", description = "print only the summary")
    boolean quiet;

    @Option(names = "--quick", description = "shrink the stress tests' time budgets to a quarter (COURSE_QUICK in the test JVMs):"
            + " faster, but races are hunted for less long")
    boolean quick;

    @Option(names = "--no-aot", description = "start the test JVMs without the AOT cache in target/aot/ (trained on first use)")
    boolean noAot;

    /** The test JVM's launcher and flags, without the class path and the per-submission properties. */
    private List<String> jvm;
    /** The test JVMs' class path: the same for every submission (the submission's classes come by property). */
    private String classPath;

    private static final int MAX_LAUNCHES = 4;

    /** Runs the command. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new GradeCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Path> notebooks = new ArrayList<>();
        Map<Path, String> students = new HashMap<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> f.toString().endsWith(".ipynb") && !f.toString().contains(".ipynb_checkpoints"))
                            .sorted().forEach(f -> {
                                notebooks.add(f);
                                Path rel = p.relativize(f);
                                students.put(f, rel.getNameCount() > 1 ? rel.getName(0).toString() : stem(f));
                            });
                }
            } else if (Files.isRegularFile(p)) {
                notebooks.add(p);
                students.put(p, p.getParent() != null && p.getParent().getFileName() != null && !paths.contains(p.getParent())
                        ? p.getParent().getFileName() + "/" + stem(p) : stem(p));
            } else {
                System.err.println("no such file or folder: " + p + " (give notebooks or folders of notebooks)");
                return 2;
            }
        }
        if (notebooks.isEmpty()) {
            System.err.println("no notebooks (*.ipynb) found under " + paths);
            return 2;
        }
        long start = System.nanoTime();
        prepareJvm();
        List<SubmissionReport> reports = new ArrayList<>();
        for (Path nb : notebooks) {
            SubmissionReport r = grade(nb, students.get(nb));
            reports.add(r);
            if (!quiet) {
                print(r);
            }
        }
        double total = (System.nanoTime() - start) / 1e9;
        summary(reports, total);
        if (csv != null) {
            writeCsv(reports, csv);
            System.out.println("gradebook: " + csv);
        }
        Path jsonFile = json != null ? json : csv != null ? sibling(csv, ".json") : null;
        if (jsonFile != null) {
            writeJson(reports, jsonFile, total);
            System.out.println("report: " + jsonFile);
        }
        return 0;
    }

    /** The test JVM's command and, unless {@code --no-aot}, its AOT cache (trained here when missing). */
    void prepareJvm() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xmx" + heapMb + "m", "-Xss1m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC",
                "-XX:-UsePerfData", "--enable-preview", "-Djava.awt.headless=true"));
        classPath = childClassPath();
        if (!noAot) {
            try {
                Path cache = GraderCache.file(GraderCache.directory(), cmd, classPath);
                if (!Files.exists(cache)) {
                    System.err.println("grade: " + GraderCache.train(cache, cmd, classPath));
                }
                if (Files.exists(cache)) {
                    GraderCache.prune(cache);
                    // a cache the JVM refuses (another JDK build, changed flags) is skipped silently
                    cmd.addAll(List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off"));
                }
            } catch (RuntimeException e) {
                System.err.println("grade: no AOT cache for the test JVMs: " + e.getMessage());
            }
        }
        jvm = List.copyOf(cmd);
    }

    /** Grades one notebook; never throws for a bad submission. */
    public SubmissionReport grade(Path notebookFile, String student) {
        long start = System.nanoTime();
        String file = notebookFile.toString();
        Notebook nb;
        try {
            nb = Notebook.read(notebookFile);
        } catch (IOException e) {
            return new SubmissionReport(student, file, "", "invalid notebook", e.getMessage(), List.of(), secondsSince(start));
        }
        Optional<Catalog.Exercise> exercise = nb.exercise().flatMap(Catalog::byId)
                .or(() -> Catalog.forFileName(notebookFile.getFileName().toString()));
        if (exercise.isEmpty()) {
            return new SubmissionReport(student, file, "", "unknown exercise", notebookFile.getFileName()
                    + ": no known exercise in its metadata or file name (expected one of "
                    + Catalog.all().stream().map(Catalog.Exercise::id).toList() + ")", List.of(), secondsSince(start));
        }
        Catalog.Exercise ex = exercise.get();
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
            work = Files.createTempDirectory("grade-");
            SubmissionCompiler.Compiled compiled = SubmissionCompiler.compile(cells, ex, work);
            if (!compiled.ok()) {
                String why = "does not compile: " + String.join("; ", compiled.errors());
                return new SubmissionReport(student, file, ex.id(), "does not compile", why,
                        zero(tests, "does not compile: " + compiled.errors().getFirst()), secondsSince(start));
            }
            Run run = runTests(ex, tests, compiled, work);
            return new SubmissionReport(student, file, ex.id(), "graded", run.reason(), run.outcomes(), secondsSince(start));
        } catch (IOException | InterruptedException | RuntimeException e) {
            return new SubmissionReport(student, file, ex.id(), "grader error", "the grader failed: " + e,
                    zero(tests, "not graded: grader error"), secondsSince(start));
        } finally {
            deleteQuietly(work);
        }
    }

    private record Run(List<TestOutcome> outcomes, String reason) {
    }

    private Run runTests(Catalog.Exercise ex, List<GradedTest> tests, SubmissionCompiler.Compiled compiled, Path work)
            throws IOException, InterruptedException {
        Map<String, TestOutcome> done = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        for (int launch = 1; launch <= MAX_LAUNCHES && done.size() < tests.size(); launch++) {
            List<GradedTest> remaining = tests.stream().filter(t -> !done.containsKey(t.method())).toList();
            Path events = work.resolve("events-" + launch + ".tsv");
            Path stderr = work.resolve("stderr-" + launch + ".txt");
            List<String> command = childCommand(ex, remaining, compiled, events);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectOutput(work.resolve("stdout-" + launch + ".txt").toFile()).redirectError(stderr.toFile());
            if (quick) {
                pb.environment().put("COURSE_QUICK", "1");
            }
            Process child = pb.start();
            Set<ProcessHandle> seen = new LinkedHashSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            boolean killed = false;
            while (!child.waitFor(50, TimeUnit.MILLISECONDS)) {
                child.descendants().forEach(seen::add);
                if (System.nanoTime() > deadline) {
                    child.descendants().forEach(ProcessHandle::destroyForcibly);
                    child.destroyForcibly();
                    child.waitFor(5, TimeUnit.SECONDS);
                    killed = true;
                    break;
                }
            }
            List<ProcessHandle> orphans = seen.stream().filter(ProcessHandle::isAlive).toList();
            if (!orphans.isEmpty()) {
                orphans.forEach(ProcessHandle::destroyForcibly);
                reasons.add("left " + orphans.size() + " process(es) behind after the tests (pids "
                        + orphans.stream().map(p -> String.valueOf(p.pid())).collect(Collectors.joining(", ")) + "); killed them");
            }
            String running = null;
            String exitCaller = null;
            boolean exitEvent = false;
            boolean planDone = false;
            if (Files.exists(events)) {
                for (String line : Files.readAllLines(events)) {
                    String[] f = line.split("\t", -1);
                    if (f.length < 4) {
                        continue;
                    }
                    GradedTest t = tests.stream().filter(g -> g.method().equals(f[1])).findFirst().orElse(null);
                    switch (f[0]) {
                        case "started" -> running = f[1];
                        case "finished" -> {
                            running = null;
                            if (t != null) {
                                done.put(t.method(), EventLog.outcome(t, org.junit.platform.engine.TestExecutionResult.Status.valueOf(f[2]), f[3]));
                            }
                        }
                        case "exit" -> {
                            exitEvent = true;
                            exitCaller = f[3];
                        }
                        case "done" -> planDone = true;
                        default -> { }
                    }
                }
            }
            if (planDone && running == null) {
                break;
            }
            Path stdout = work.resolve("stdout-" + launch + ".txt");
            // -XX:+ExitOnOutOfMemoryError reports on either stream
            String err = (Files.exists(stderr) ? Files.readString(stderr) : "") + (Files.exists(stdout) ? Files.readString(stdout) : "");
            String why;
            if (killed) {
                why = "hang: no result within " + timeoutSeconds + " s; the grader killed the JVM";
            } else if (err.contains("OutOfMemoryError")) {
                why = "ran out of memory (heap limit " + heapMb + " MB): the JVM was stopped";
            } else if (exitEvent || child.exitValue() > 2) {
                why = "called System.exit(" + child.exitValue() + ")" + (exitCaller == null || exitCaller.isEmpty() ? "" : " in " + exitCaller)
                        + ": never end the JVM from your code";
            } else {
                why = "the test JVM ended unexpectedly (status " + child.exitValue() + "): " + firstLine(err);
            }
            String inTest = running;
            GradedTest culprit = inTest == null ? null : tests.stream().filter(g -> g.method().equals(inTest))
                    .findFirst().orElse(null);
            if (culprit == null) {
                // died outside any test (class initialisation, discovery): charge every remaining test
                remaining.stream().filter(t -> !done.containsKey(t.method())).forEach(t -> done.put(t.method(), TestOutcome.fail(t, why)));
                reasons.add(why);
                break;
            }
            done.put(culprit.method(), TestOutcome.fail(culprit, why));
            reasons.add(culprit.name() + ": " + why);
        }
        List<TestOutcome> outcomes = tests.stream()
                .map(t -> done.getOrDefault(t.method(), TestOutcome.fail(t, "not run: the test JVM died " + MAX_LAUNCHES + " times")))
                .toList();
        return new Run(TestOutcome.attributed(tests, outcomes), String.join("; ", reasons));
    }

    private List<String> childCommand(Catalog.Exercise ex, List<GradedTest> tests, SubmissionCompiler.Compiled compiled, Path events) {
        if (jvm == null) {
            prepareJvm();
        }
        List<String> cmd = new ArrayList<>(jvm);
        cmd.addAll(List.of(
                "-D" + Submission.PATH_PROPERTY + "=" + compiled.classDir().toAbsolutePath(),
                "-D" + Submission.CLASSES_PROPERTY + "=" + String.join(",", compiled.classNames()),
                "-D" + Feedback.CELLS_PROPERTY + "=" + compiled.cellMap(),
                "-D" + EventLog.PROPERTY + "=" + events.toAbsolutePath(),
                "-cp", classPath,
                "org.junit.platform.console.ConsoleLauncher", "execute", "--disable-banner", "--disable-ansi-colors",
                "--details=none"));
        for (GradedTest t : tests) {
            cmd.add("--select-method=" + ex.testClass().getName() + "#" + t.method());
        }
        return cmd;
    }

    /**
     * The test JVM's class path: lib, lib's dependencies (minus JUnit) and the console launcher. The
     * submission's classes are not on it: {@link Submission} loads them from {@value Submission#PATH_PROPERTY}.
     */
    static String childClassPath() {
        Path lib = SubmissionCompiler.libLocation();
        Path target = lib.getParent();
        List<String> entries = new ArrayList<>(List.of(lib.toString()));
        entries.addAll(jars(target.resolve("dependency")).stream()
                .filter(j -> !j.getFileName().toString().matches("(junit-|opentest4j|apiguardian).*")).map(Path::toString).toList());
        String override = System.getProperty("course.grader.launcher");
        List<Path> launcher = override != null ? List.of(Path.of(override)) : jars(target.resolve("grader"));
        if (launcher.isEmpty()) {
            throw new IllegalStateException("the JUnit console launcher is missing from " + target.resolve("grader")
                    + ": build lib first (./mvnw -pl lib package)");
        }
        launcher.forEach(j -> entries.add(j.toString()));
        return String.join(File.pathSeparator, entries);
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void print(SubmissionReport r) {
        System.out.printf(Locale.ROOT, "%n%s  %s  %s  %d/%d (%.0f%%)  %s%s%n", r.student(), r.file(),
                r.exercise().isEmpty() ? "?" : r.exercise(), r.earned(), r.possible(), r.percent(), r.status(),
                timing ? String.format(Locale.ROOT, "  %.2f s", r.seconds()) : "");
        if (!r.reason().isEmpty()) {
            System.out.println("  reason: " + r.reason());
        }
        int width = r.tests().stream().mapToInt(t -> t.test().length()).max().orElse(10);
        for (TestOutcome t : r.tests()) {
            System.out.printf(Locale.ROOT, "  %s %-" + width + "s %d/%d  %s%n", t.passed() ? "PASS" : "FAIL", t.test(), t.earned(),
                    t.points(), t.message());
        }
    }

    private void summary(List<SubmissionReport> reports, double seconds) {
        long graded = reports.stream().filter(r -> r.status().equals("graded")).count();
        double mean = reports.stream().mapToDouble(SubmissionReport::percent).average().orElse(0);
        System.out.printf(Locale.ROOT, "%nSummary: %d submission(s), %d graded, %d not gradable, mean score %.0f%%%n",
                reports.size(), graded, reports.size() - graded, mean);
        Map<String, Long> byStatus = reports.stream().collect(Collectors.groupingBy(SubmissionReport::status, LinkedHashMap::new,
                Collectors.counting()));
        byStatus.forEach((s, n) -> System.out.printf(Locale.ROOT, "  %-18s %d%n", s, n));
        if (timing) {
            List<Double> times = reports.stream().map(SubmissionReport::seconds).sorted().toList();
            System.out.printf(Locale.ROOT, "Timing: batch %.2f s for %d submission(s); per submission median %.2f s, min %.2f s,"
                    + " max %.2f s; %d cores%n", seconds, reports.size(), times.get(times.size() / 2), times.getFirst(),
                    times.getLast(), Runtime.getRuntime().availableProcessors());
        }
    }

    static void writeCsv(List<SubmissionReport> reports, Path file) throws IOException {
        Set<String> testColumns = new LinkedHashSet<>();
        for (SubmissionReport r : reports) {
            r.tests().forEach(t -> testColumns.add(r.exercise() + ": " + t.test()));
        }
        List<String> header = new ArrayList<>(List.of("student", "file", "exercise", "earned", "possible", "percent", "status", "reason"));
        header.addAll(testColumns);
        StringBuilder sb = new StringBuilder(header.stream().map(GradeCommand::csvField).collect(Collectors.joining(","))).append('\n');
        for (SubmissionReport r : reports) {
            List<String> row = new ArrayList<>(List.of(r.student(), r.file(), r.exercise(), String.valueOf(r.earned()),
                    String.valueOf(r.possible()), String.format(Locale.ROOT, "%.1f", r.percent()), r.status(), r.reason()));
            Map<String, String> cells = new HashMap<>();
            r.tests().forEach(t -> cells.put(r.exercise() + ": " + t.test(), String.valueOf(t.earned())));
            testColumns.forEach(c -> row.add(cells.getOrDefault(c, "")));
            sb.append(row.stream().map(GradeCommand::csvField).collect(Collectors.joining(","))).append('\n');
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, sb);
    }

    static void writeJson(List<SubmissionReport> reports, Path file, double seconds) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("submissions", reports);
        root.put("seconds", seconds);
        root.put("cores", Runtime.getRuntime().availableProcessors());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n");
    }

    private static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static List<TestOutcome> zero(List<GradedTest> tests, String message) {
        return tests.stream().map(t -> TestOutcome.fail(t, message)).toList();
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".ipynb") ? n.substring(0, n.length() - 6) : n;
    }

    private static Path sibling(Path p, String ext) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return p.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ext);
    }

    private static String firstLine(String s) {
        return s.lines().filter(l -> !l.isBlank()).findFirst().orElse("no error output");
    }

    private static double secondsSince(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }

}
