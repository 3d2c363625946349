package course.grading.batch;

import course.grading.EventLog;
import course.grading.Feedback;
import course.grading.GradedTest;
import course.grading.Submission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One launch of a test JVM: the JUnit console launcher running some of an exercise's tests against
 * one compiled submission, in the {@link Sandbox} when there is one, killed at the timeout; child
 * processes it leaves behind are killed and counted.
 *
 * @param jvm       the java launcher and its flags (no class path)
 * @param classPath the test JVMs' class path (the same for every submission)
 * @param readOnly  what the sandbox shows read-only besides the submission (jars, the AOT cache)
 * @param sandbox   the sandbox, or empty to run unconfined ({@code --no-sandbox})
 * @param timeoutSeconds hard limit per launch
 * @param quick     whether the tests run with COURSE_QUICK budgets
 */
record TestJvm(List<String> jvm, String classPath, List<Path> readOnly, Optional<Sandbox> sandbox, int timeoutSeconds, boolean quick) {

    /**
     * How a launch ended.
     *
     * @param events  what the JVM's event log says
     * @param killed  whether it hit the timeout
     * @param status  its exit status
     * @param output  its standard error and output
     * @param orphans processes it left behind (killed), as "pid N" strings
     */
    record Launch(EventFile events, boolean killed, int status, String output, List<String> orphans) {
    }

    /** Runs {@code tests} of {@code testClass} against {@code compiled}; the run's files go to {@code dir}. */
    Launch run(Class<?> testClass, List<GradedTest> tests, SubmissionCompiler.Compiled compiled, Path dir, int slot)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path events = dir.resolve("events.tsv");
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        List<String> cmd = new ArrayList<>();
        if (sandbox.isPresent()) {
            sandbox.get().grantWrite(dir, slot);
            List<Path> ro = new ArrayList<>(readOnly);
            ro.add(compiled.classDir());
            cmd.addAll(sandbox.get().prefix(ro, List.of(dir), slot));
        }
        cmd.addAll(jvm);
        cmd.addAll(List.of(
                "-D" + Submission.PATH_PROPERTY + "=" + compiled.classDir().toAbsolutePath(),
                "-D" + Submission.CLASSES_PROPERTY + "=" + String.join(",", compiled.classNames()),
                "-D" + Feedback.CELLS_PROPERTY + "=" + compiled.cellMap(),
                "-D" + EventLog.PROPERTY + "=" + events.toAbsolutePath(),
                "-Djava.io.tmpdir=" + (sandbox.isPresent() ? "/tmp" : dir.toAbsolutePath()),
                "-cp", classPath,
                "org.junit.platform.console.ConsoleLauncher", "execute", "--disable-banner", "--disable-ansi-colors",
                "--details=none"));
        tests.forEach(t -> cmd.add("--select-method=" + testClass.getName() + "#" + t.method()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        if (quick) {
            pb.environment().put("COURSE_QUICK", "1");
        }
        Process child = pb.start();
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        boolean killed = !waitBounded(child, seen);
        List<ProcessHandle> orphans = survivors(seen);
        orphans.forEach(ProcessHandle::destroyForcibly);
        // -XX:+ExitOnOutOfMemoryError reports on either stream
        String output = Files.readString(stderr) + Files.readString(stdout);
        return new Launch(EventFile.read(events), killed, killed ? -1 : child.exitValue(), output,
                orphans.stream().map(p -> "pid " + p.pid()).toList());
    }

    /** Waits for {@code child} until the timeout, noting its descendants; false if it had to be killed. */
    private boolean waitBounded(Process child, Set<ProcessHandle> seen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!child.waitFor(50, TimeUnit.MILLISECONDS)) {
            child.descendants().forEach(seen::add);
            if (System.nanoTime() > deadline) {
                child.descendants().forEach(ProcessHandle::destroyForcibly);
                child.destroyForcibly();
                child.waitFor(5, TimeUnit.SECONDS);
                return false;
            }
        }
        return true;
    }

    /**
     * The processes of {@code seen} still alive a moment after the JVM ended. In the sandbox the
     * kernel kills what is left in the PID namespace when its first process ends: give it that moment.
     */
    private static List<ProcessHandle> survivors(Set<ProcessHandle> seen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (ProcessHandle p : seen) {
            long left = deadline - System.nanoTime();
            if (left > 0 && p.isAlive()) {
                try {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // still alive: counted below
                }
            }
        }
        return seen.stream().filter(ProcessHandle::isAlive).toList();
    }
}
