package course.grading.batch;

import course.grading.Submission;
import course.grading.TestOutcome;
import course.platform.Jvm;
import course.platform.LibClassPath;
import course.timing.Stats;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./course grade PATH... [--csv FILE] [--json FILE] [--jobs N]}: grades submitted exercise notebooks.
 *
 * <p>Each notebook is graded by a {@link SubmissionGrader}: its exercise found ({@link Exercises}), its
 * {@code solution} cells compiled ({@link SubmissionCompiler}), the exercise's tests run by the JUnit 5
 * console launcher in a fresh JVM ({@link TestJvm}) inside a {@link Sandbox}, {@code --jobs} submissions at
 * once. Where it cannot sandbox it refuses, unless {@code --no-sandbox}. Prints a table per submission and
 * a summary (with {@code --timing}: the throughput), writes the CSV gradebook, the JSON report and a
 * Markdown feedback file per submission ({@link Gradebook}), and exits 0 whenever grading ran, whatever
 * the scores.
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

    @Option(names = "--jobs", paramLabel = "N", description = "grade N submissions at once (default: the core count, ${DEFAULT-VALUE})")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-sandbox", description = "run the submissions' test JVMs with the grader's own rights (trusted code only;"
            + " for machines without bubblewrap)")
    boolean noSandbox;

    @Option(names = "--max-procs", paramLabel = "N", description = "processes and threads one submission may have (default: ${DEFAULT-VALUE})")
    int maxProcs = 1024;

    @Option(names = "--max-memory", paramLabel = "MB", description = "address space of each process of a submission (default: ${DEFAULT-VALUE})")
    long maxMemoryMb = 4096;

    @Option(names = "--feedback", paramLabel = "DIR", description = "write one Markdown feedback file per submission here"
            + " (default: feedback/ beside the CSV or JSON)")
    Path feedbackDir;

    /** Runs the command. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new GradeCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Map<Path, String> notebooks = new LinkedHashMap<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.filter(f -> f.toString().endsWith(".ipynb") && !f.toString().contains(".ipynb_checkpoints"))
                            .sorted().toList()) {
                        Path rel = p.relativize(f);
                        notebooks.put(f, rel.getNameCount() > 1 ? rel.getName(0).toString() : stem(f));
                    }
                }
            } else if (Files.isRegularFile(p)) {
                notebooks.put(p, p.getParent() != null && p.getParent().getFileName() != null && !paths.contains(p.getParent())
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
        Optional<Sandbox> sandbox = Optional.empty();
        if (!noSandbox) {
            Sandbox.Probe probe = Sandbox.probe(maxProcs, maxMemoryMb << 20);
            if (probe.sandbox().isEmpty()) {
                System.err.println("grade: cannot sandbox the submissions on this machine: " + probe.problem() + ".\n"
                        + "Without a sandbox a submission can read the reference solutions and other submissions, overwrite the gradebook"
                        + " and open network connections. Install bubblewrap, or grade trusted submissions only with --no-sandbox.");
                return 2;
            }
            sandbox = probe.sandbox();
        }
        int parallel = Math.max(1, Math.min(jobs, notebooks.size()));
        SubmissionGrader grader = new SubmissionGrader(testJvm(sandbox), heapMb);
        long start = System.nanoTime();  // after the one-time AOT training: the batch's own time
        List<SubmissionReport> reports = gradeAll(grader, notebooks, parallel);
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%nSandbox: %s%n", sandbox.map(s -> "bubblewrap (no network, own PID namespace, read-only JDK and jars,"
                + " only its own submission; at most " + maxProcs + " processes/threads, " + maxMemoryMb + " MB address space per process)")
                .orElse("NONE (--no-sandbox): the submissions ran with the grader's rights"));
        summary(reports, total, parallel);
        if (csv != null) {
            Gradebook.writeCsv(reports, csv);
            System.out.println("gradebook: " + csv);
        }
        Path jsonFile = json != null ? json : csv != null ? sibling(csv, ".json") : null;
        if (jsonFile != null) {
            Gradebook.writeJson(reports, jsonFile, total);
            System.out.println("report: " + jsonFile);
        }
        Path feedback = feedbackDir != null ? feedbackDir
                : jsonFile != null ? jsonFile.toAbsolutePath().resolveSibling("feedback") : null;
        if (feedback != null) {
            System.out.println("feedback: " + Gradebook.writeFeedback(reports, feedback) + " file(s) in " + feedback);
        }
        return 0;
    }

    /** Grades every notebook, {@code parallel} at a time, each in a slot of its own; reports in input order. */
    private List<SubmissionReport> gradeAll(SubmissionGrader grader, Map<Path, String> notebooks, int parallel) throws InterruptedException {
        BlockingQueue<Integer> slots = new ArrayBlockingQueue<>(parallel);
        for (int i = 0; i < parallel; i++) {
            slots.add(i);
        }
        List<SubmissionReport> reports = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            List<Future<SubmissionReport>> futures = new ArrayList<>();
            notebooks.forEach((nb, student) -> futures.add(pool.submit(() -> {
                int slot = slots.take();
                try {
                    SubmissionReport r = grader.grade(nb, student, slot);
                    if (!quiet) {
                        synchronized (this) {
                            print(r);
                        }
                    }
                    return r;
                } finally {
                    slots.add(slot);
                }
            })));
            for (Future<SubmissionReport> f : futures) {
                try {
                    reports.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the grader failed: " + e.getCause(), e.getCause());
                }
            }
        }
        return reports;
    }

    /** The test JVMs: launcher, flags and, unless {@code --no-aot}, the AOT cache (trained here when missing). */
    TestJvm testJvm(Optional<Sandbox> sandbox) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Jvm.javaExecutable().toString());
        cmd.addAll(List.of("-Xmx" + heapMb + "m", "-Xss1m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC",
                "-XX:-UsePerfData", "--enable-preview", "-Djava.awt.headless=true"));
        String classPath = childClassPath();
        List<Path> readOnly = new ArrayList<>(Stream.of(classPath.split(File.pathSeparator)).map(Path::of).toList());
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
                    readOnly.add(cache);
                }
            } catch (RuntimeException e) {
                System.err.println("grade: no AOT cache for the test JVMs: " + e.getMessage());
            }
        }
        return new TestJvm(List.copyOf(cmd), classPath, readOnly, sandbox, timeoutSeconds, quick);
    }

    /**
     * The test JVM's class path: lib, lib's dependencies (minus JUnit) and the console launcher. The
     * submission's classes are not on it: {@link Submission} loads them from {@value Submission#PATH_PROPERTY}.
     */
    static String childClassPath() {
        Path lib = LibClassPath.libLocation();
        List<Path> entries = new ArrayList<>(LibClassPath.entries().stream()
                .filter(j -> !j.getFileName().toString().matches("(junit-|opentest4j|apiguardian).*")).toList());
        String override = System.getProperty("course.grader.launcher");
        List<Path> launcher = override != null ? List.of(Path.of(override)) : jars(lib.getParent().resolve("grader"));
        if (launcher.isEmpty()) {
            throw new IllegalStateException("the JUnit console launcher is missing from " + lib.getParent().resolve("grader")
                    + ": build lib first (./mvnw -pl lib package)");
        }
        entries.addAll(launcher);
        return LibClassPath.join(entries);
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
            System.out.printf(Locale.ROOT, "  %s %-" + width + "s %d/%d  %s%n", t.passed() ? "PASS" : t.inconclusive() ? "INCONCLUSIVE" : "FAIL", t.test(), t.earned(),
                    t.points(), t.message());
        }
    }

    private void summary(List<SubmissionReport> reports, double seconds, int parallel) {
        long graded = reports.stream().filter(r -> r.status().equals("graded")).count();
        double mean = reports.stream().mapToDouble(SubmissionReport::percent).average().orElse(0);
        System.out.printf(Locale.ROOT, "%nSummary: %d submission(s), %d graded, %d not gradable, mean score %.0f%%%n",
                reports.size(), graded, reports.size() - graded, mean);
        Map<String, Long> byStatus = reports.stream().collect(Collectors.groupingBy(SubmissionReport::status, LinkedHashMap::new,
                Collectors.counting()));
        byStatus.forEach((st, n) -> System.out.printf(Locale.ROOT, "  %-18s %d%n", st, n));
        if (timing) {
            List<Double> times = reports.stream().map(SubmissionReport::seconds).sorted().toList();
            System.out.printf(Locale.ROOT, "Timing: batch %.2f s for %d submission(s) with %d job(s): %.1f submissions per minute;"
                    + " per submission median %.2f s, min %.2f s, max %.2f s; %d cores%n", seconds, reports.size(), parallel,
                    reports.size() * 60 / seconds, Stats.median(times), times.getFirst(), times.getLast(),
                    Runtime.getRuntime().availableProcessors());
        }
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
}
