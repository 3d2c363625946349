package course.python;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Python code in a {@code python3} process, to put the same work in CPython beside Java's.
 * Nothing here throws because Python is missing: the {@link PythonRun} says it was skipped.
 *
 * <pre>{@code
 * if (Python.available()) { ... }
 * PythonRun run = Python.run("""
 *         import time
 *         t = time.perf_counter(); sum(range(10_000_000))
 *         print(time.perf_counter() - t)
 *         """, Duration.ofSeconds(30));
 * System.out.println(run.ok() ? run.stdout() : run.message());
 * }</pre>
 *
 * <p>{@link #of(String)} picks another executable (e.g. {@code "python3.12"} or a full path).
 */
public final class Python {

    /** The executable used by the static methods. */
    public static final String DEFAULT_EXECUTABLE = "python3";

    private final String executable;

    private Python(String executable) {
        this.executable = executable;
    }

    /** An interpreter run as {@code executable} (a name looked up on the PATH, or a path). */
    public static Python of(String executable) {
        Objects.requireNonNull(executable, "executable");
        if (executable.isBlank()) {
            throw new IllegalArgumentException("the Python executable name is blank; use e.g. \"python3\"");
        }
        return new Python(executable);
    }

    /** Whether {@code python3} runs here (it is asked for its version each time). */
    public static boolean available() {
        return of(DEFAULT_EXECUTABLE).isAvailable();
    }

    /** Runs {@code code} with {@code python3}; see {@link #execute(String, Duration)}. */
    public static PythonRun run(String code, Duration timeout) {
        return of(DEFAULT_EXECUTABLE).execute(code, timeout);
    }

    /** The executable's name or path. */
    public String executable() {
        return executable;
    }

    /** Whether this executable runs and answers {@code --version} within 10 seconds. */
    public boolean isAvailable() {
        return version().isPresent();
    }

    /** The interpreter's version, e.g. "Python 3.12.3", if it runs. */
    public Optional<String> version() {
        PythonRun run = start(List.of(executable, "--version"), Duration.ofSeconds(10));
        if (!run.ok()) {
            return Optional.empty();
        }
        String text = (run.stdout() + run.stderr()).strip();
        return Optional.of(text.isEmpty() ? executable : text);
    }

    /**
     * Runs {@code code} (a whole program, passed with {@code -c}) and waits at most {@code timeout}.
     * Output is unbuffered; standard input is empty. If the executable is missing the result says
     * "... is not installed here; the Python comparison is skipped"; on a timeout the process and its
     * children are killed and the result says so.
     */
    public PythonRun execute(String code, Duration timeout) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        }
        return start(List.of(executable, "-u", "-c", code.stripIndent()), timeout);
    }

    private PythonRun start(List<String> command, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PYTHONUNBUFFERED", "1");
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new PythonRun(-1, "", "", Duration.ZERO, notInstalled(executable),
                    PythonRun.Outcome.NOT_INSTALLED);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // it may already have exited
        }
        Collector out = new Collector(process.getInputStream());
        Collector err = new Collector(process.getErrorStream());
        boolean finished;
        boolean interrupted = false;
        try {
            finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            finished = false;
            interrupted = true;
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        if (!finished) {
            killTree(process.toHandle());
        }
        String stdout = out.text();
        String stderr = err.text();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!finished) {
            String why = interrupted ? "was interrupted" : "ran longer than the timeout";
            return new PythonRun(-1, stdout, stderr, wall, executable + " " + why + " (" + timeout.toMillis()
                    + " ms) and was stopped", PythonRun.Outcome.TIMED_OUT);
        }
        int code = process.exitValue();
        String message = executable + " exited with code " + code + " after " + wall.toMillis() + " ms"
                + (code == 0 ? "" : ": " + lastLine(stderr));
        return new PythonRun(code, stdout, stderr, wall, message, PythonRun.Outcome.COMPLETED);
    }

    static String notInstalled(String executable) {
        return executable + " is not installed here; the Python comparison is skipped";
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "(no error output)" : lines.getLast();
    }

    private static void killTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // nothing more to do
            }
        }
    }

    /** Reads a stream to its end on a virtual thread (so a full pipe never blocks the child). */
    private static final class Collector {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread reader;

        Collector(InputStream in) {
            reader = Thread.ofVirtual().start(() -> {
                try (in) {
                    in.transferTo(bytes);
                } catch (IOException ignored) {
                    // the process is gone
                }
            });
        }

        String text() {
            try {
                reader.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    @Override
    public String toString() {
        return "Python[" + executable + "]";
    }
}
