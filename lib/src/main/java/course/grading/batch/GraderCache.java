package course.grading.batch;

import course.grading.GradedTest;
import course.grading.Submission;
import course.platform.Directories;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The JDK 25 AOT cache (JEP 483/514/515) of the batch grader's test JVMs: classes of the console
 * launcher, JUnit, lib and the JDK loaded and linked ahead of time, plus method profiles. It lives
 * in {@code target/aot/grader-KEY.aot}, where KEY hashes the JDK, the JVM flags and every class path
 * entry (name, size, time), so a rebuilt lib or another JDK simply gets a new cache; a cache the
 * JVM refuses anyway is ignored (the JVM runs without it).
 *
 * <p>Training is one test JVM with {@code -XX:AOTMode=record}: it runs the first tests of every
 * exercise against the instructors' reference solutions (COURSE_QUICK budgets) and writes the
 * cache when it exits. A failed training leaves its log in {@code target/aot/training-*}.
 */
final class GraderCache {

    /**
     * Tests recorded per exercise: the first (a warm-up). With two per exercise over fifteen exercises, most
     * recorded configurations made the creating JVM crash (3 of 3 in a CI run, 1 of 2 by hand); with one, 8 of 8
     * worked, four of them recorded side by side on a busy machine.
     */
    private static final int TESTS_PER_EXERCISE = 1;

    private GraderCache() {
    }

    /** The cache file for these flags and class path (it may not exist yet). */
    static Path file(Path dir, List<String> flags, String classPath) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((System.getProperty("java.home") + "\n" + Runtime.version() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(String.join("\n", flags).getBytes(StandardCharsets.UTF_8));
            for (String entry : classPath.split(File.pathSeparator)) {
                Path p = Path.of(entry);
                String stamp = Files.exists(p) ? Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis() : "missing";
                sha.update(("\n" + entry + ":" + stamp).getBytes(StandardCharsets.UTF_8));
            }
            return dir.resolve("grader-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16) + ".aot");
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot key the grader's AOT cache: " + e, e);
        }
    }

    /** Where caches go: {@code target/aot/} of the repository lib was built in. */
    static Path directory() {
        Path lib = SubmissionCompiler.libLocation(); // lib/target/course-lib.jar (or lib/target/classes)
        Path root = lib.getParent().getParent().getParent();
        return root.resolve("target").resolve("aot");
    }

    /** Where the instructor notebooks are in a checkout of the course: {@code lib/instructor/exercises}. */
    static Path instructorDirectory() {
        return SubmissionCompiler.libLocation().getParent().getParent().resolve("instructor").resolve("exercises");
    }

    /** The instructor notebooks, if this is a checkout of the course. */
    static Optional<Path> instructorNotebooks() {
        Path dir = instructorDirectory();
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /**
     * Trains a cache at {@code cache}: compiles the reference solutions, runs a few tests of every
     * exercise in one JVM with {@code -XX:AOTMode=record}, then a second JVM creates the cache. Returns a line for the user; never throws.
     *
     * @param jvm       the test JVM's command: the java launcher and its flags (no class path)
     * @param classPath the test JVMs' class path
     */
    static String train(Path cache, List<String> jvm, String classPath) {
        long start = System.nanoTime();
        Optional<Path> sources = instructorNotebooks();
        if (sources.isEmpty()) {
            return "no AOT cache for the test JVMs: no instructor notebooks next to lib to train it on";
        }
        Path work = null;
        try {
            Files.createDirectories(cache.getParent());
            work = Files.createTempDirectory(cache.getParent(), "training-");
            List<String> dirs = new ArrayList<>();
            List<String> classes = new ArrayList<>();
            List<String> selectors = new ArrayList<>();
            for (Exercises.Exercise ex : Exercises.all()) {
                Path nb = sources.get().resolve(ex.id() + ".ipynb");
                if (!Files.exists(nb)) {
                    continue;
                }
                SubmissionCompiler.Compiled c = SubmissionCompiler.compile(Notebook.read(nb).solutionCells(), ex, work.resolve(ex.id()));
                if (!c.ok()) {
                    continue;
                }
                dirs.add(c.classDir().toString());
                classes.addAll(c.classNames());
                GradedTest.of(ex.testClass()).stream().limit(TESTS_PER_EXERCISE)
                        .forEach(t -> selectors.add("--select-method=" + ex.testClass().getName() + "#" + t.method()));
            }
            // Two steps, record then create, each a JVM of its own. Some recorded configurations make the creating
            // JVM crash at start-up, every time (SIGSEGV in vmClasses::resolve_shared_class, JDK 25.0.3, before any
            // of our code runs; 6 of 6 tries with one such file), while a new recording usually works: so the
            // whole training is tried up to three times.
            Path partial = work.resolve("grader.aot");
            String failed = null;
            for (int attempt = 1; attempt <= 3 && !Files.exists(partial); attempt++) {
                failed = recordAndCreate(jvm, classPath, dirs, classes, selectors, work, partial, attempt);
            }
            if (!Files.exists(partial)) {
                return "no AOT cache for the test JVMs: " + failed;
            }
            Files.move(partial, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            String done = String.format(java.util.Locale.ROOT, "trained the test JVMs' AOT cache in %.1f s: %s (%d MB)",
                    (System.nanoTime() - start) / 1e9, cache, Files.size(cache) >> 20);
            Directories.deleteTree(work);
            return done;
        } catch (IOException | RuntimeException e) {
            return "no AOT cache for the test JVMs: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no AOT cache for the test JVMs: interrupted";
        }
    }

    /** One recording run and one creating run; null if {@code partial} was written, else what went wrong. */
    private static String recordAndCreate(List<String> jvm, String classPath, List<String> dirs, List<String> classes,
            List<String> selectors, Path work, Path partial, int attempt) throws IOException, InterruptedException {
        Path config = work.resolve("grader-" + attempt + ".aotconf");
        Path log = work.resolve("training-" + attempt + ".log");
        List<String> cmd = new ArrayList<>(jvm);
        // A JVM that crashes writes its hs_err file beside the training logs, not into the directory ./course runs in.
        cmd.addAll(List.of("-XX:ErrorFile=" + work.resolve("hs_err_record-" + attempt + "_pid%p.log"),
                "-XX:AOTMode=record", "-XX:AOTConfiguration=" + config, "-Xlog:aot=off", "-Xlog:cds=off",
                "-D" + Submission.PATH_PROPERTY + "=" + String.join(File.pathSeparator, dirs),
                "-D" + Submission.CLASSES_PROPERTY + "=" + String.join(",", classes),
                "-cp", classPath, "org.junit.platform.console.ConsoleLauncher", "execute", "--disable-banner",
                "--disable-ansi-colors", "--details=none"));
        cmd.addAll(selectors);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("COURSE_QUICK", "1");
        if (!finished(pb.start())) {
            return "training took over 180 s";
        }
        if (!Files.exists(config)) {
            return "training recorded nothing (see " + log + ")";
        }
        List<String> create = new ArrayList<>(jvm);
        create.addAll(List.of("-XX:ErrorFile=" + work.resolve("hs_err_create-" + attempt + "_pid%p.log"),
                "-XX:AOTMode=create", "-XX:AOTConfiguration=" + config, "-XX:AOTCache=" + partial,
                "-Xlog:aot=off", "-Xlog:cds=off", "-cp", classPath));
        Path createLog = work.resolve("create-" + attempt + ".log");
        if (!finished(new ProcessBuilder(create).redirectErrorStream(true).redirectOutput(createLog.toFile()).start())) {
            return "creating the cache took over 180 s";
        }
        return Files.exists(partial) ? null : "creating the cache failed (see " + createLog + ")";
    }

    /** Waits at most 180 s for {@code p}; if it is still running then, kills it and its children. */
    private static boolean finished(Process p) throws InterruptedException {
        if (p.waitFor(180, TimeUnit.SECONDS)) {
            return true;
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        return false;
    }

    /** Deletes other grader caches in the directory (older lib builds), keeping {@code keep}. */
    static void prune(Path keep) {
        try (var list = Files.list(keep.getParent())) {
            list.filter(p -> p.getFileName().toString().matches("grader-[0-9a-f]{16}\\.aot") && !p.equals(keep))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // nothing to prune
        }
    }
}
