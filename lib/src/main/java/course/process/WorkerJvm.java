package course.process;

import course.platform.Jvm;
import course.platform.LibClassPath;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One child JVM running a {@code main} class from this library (or any class on a class path you
 * give), with its standard input and output as text pipes. Java has no {@code fork}: a child is
 * always a fresh JVM (Python calls this "spawn").
 *
 * <pre>{@code
 * try (var child = WorkerJvm.start(PipeEcho.class)) {
 *     child.stdin().println("ping");             // println flushes
 *     String reply = child.stdout().readLine();  // "ping"
 * }                                              // close(): the child and its children are gone
 * }</pre>
 *
 * <p>The child runs with the same {@code java} as this JVM, a small heap, and {@link #classpath()}.
 * Its standard error is collected (see {@link #stderrTail()}).
 */
public final class WorkerJvm implements AutoCloseable {

    /** JVM flags every worker gets: a small heap, a simple GC, and a prompt exit on out-of-memory. */
    public static final List<String> DEFAULT_JVM_FLAGS = List.of(
            "-Xms16m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:-UsePerfData",
            "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    private static final Duration GRACE = Duration.ofMillis(500);
    private static final int STDERR_TAIL_CHARS = 4_000;

    private final Process process;
    private final PrintWriter stdin;
    private final BufferedReader stdout;
    private final Thread stderrDrain;
    private final StringBuilder stderrTail = new StringBuilder();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long startNanos;
    private final String description;

    private WorkerJvm(Process process, String description, long startNanos) {
        this.process = process;
        this.description = description;
        this.startNanos = startNanos;
        this.stdin = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        InputStream err = process.getErrorStream();
        this.stderrDrain = Thread.ofVirtual().name("worker-" + process.pid() + "-stderr").start(() -> drain(err));
    }

    /**
     * Starts a child JVM running {@code mainClass.main(args)}. The class must be on a class path a
     * child can read: any class of this library, or a compiled class from a jar or directory (its
     * location is added). A class defined in a notebook cell cannot run in another JVM.
     */
    public static WorkerJvm start(Class<?> mainClass, String... args) {
        Objects.requireNonNull(mainClass, "mainClass");
        List<Path> extra = new ArrayList<>();
        LibClassPath.location(mainClass).ifPresentOrElse(extra::add, () -> {
            throw new IllegalArgumentException("class " + mainClass.getName()
                    + " has no class file on disk (it was probably defined in a notebook cell), so a"
                    + " child JVM cannot load it; use a class from the library or ProcessPool.fromSource(...)");
        });
        return start(mainClass.getName(), extra, DEFAULT_JVM_FLAGS, List.of(args));
    }

    /**
     * Starts a child JVM running {@code mainClassName} with {@link #classpath()} followed by
     * {@code extraClassPath}, the given JVM flags (e.g. {@link #DEFAULT_JVM_FLAGS}) and program
     * arguments.
     */
    public static WorkerJvm start(String mainClassName, List<Path> extraClassPath, List<String> jvmFlags,
                                  List<String> args) {
        Objects.requireNonNull(mainClassName, "mainClassName");
        Set<String> entries = new LinkedHashSet<>(LibClassPath.entries().stream().map(Path::toString).toList());
        for (Path p : extraClassPath) {
            entries.add(p.toAbsolutePath().toString());
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, entries));
        command.add(mainClassName);
        command.addAll(args);
        long start = System.nanoTime();
        try {
            Process process = new ProcessBuilder(command).start();
            return new WorkerJvm(process, mainClassName + (args.isEmpty() ? "" : " " + String.join(" ", args)), start);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a child JVM with " + command.getFirst()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The class path for child JVMs, joined with the platform's separator: this library's jar (or classes
     * directory) and its run-time dependencies, as {@link LibClassPath} reads them from the build.
     */
    public static String classpath() {
        return LibClassPath.string();
    }

    /** The {@code java} launcher of this JVM (see {@link Jvm#javaExecutable()}). */
    public static Path javaExecutable() {
        return Jvm.javaExecutable();
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** The child's process handle (for {@code descendants()}, {@code info()}, ...). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Writes to the child's standard input; {@code println} flushes. Close it to send end-of-file. */
    public PrintWriter stdin() {
        return stdin;
    }

    /** Reads the child's standard output. */
    public BufferedReader stdout() {
        return stdout;
    }

    /** The last few thousand characters the child wrote to standard error. */
    public String stderrTail() {
        synchronized (stderrTail) {
            return stderrTail.toString();
        }
    }

    /** Waits until the child's standard error has been read to its end (after it exited). */
    void awaitStderr(Duration timeout) throws InterruptedException {
        stderrDrain.join(timeout);
    }

    /** Time from starting the child to now (or to its exit, once it has exited). */
    public Duration age() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * Waits for the child to exit and returns its exit code.
     *
     * @throws TimeoutException if it is still running after {@code timeout} (it keeps running)
     */
    public int waitFor(Duration timeout) throws InterruptedException, TimeoutException {
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("worker JVM pid " + pid() + " (" + description
                    + ") still runs after " + timeout.toMillis() + " ms");
        }
        return process.exitValue();
    }

    /**
     * Ends the child and all its descendants: asks them to stop, forces them after a short grace,
     * and waits until they are gone. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stdin.close();
        destroyTree(process.toHandle(), GRACE);
        try {
            stdout.close();
        } catch (IOException ignored) {
            // the pipe is gone with the process
        }
        try {
            stderrDrain.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Destroys {@code root} and its descendants (descendants first), forcibly after {@code grace}. */
    static void destroyTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            if (left > 0 && p.isAlive()) {
                try {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (Exception ignored) {
                    // forced below
                }
            }
        }
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        boolean interrupted = false;
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (Exception ignored) {
                // a process that cannot be killed in 10 s: nothing more we can do
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "WorkerJvm[pid " + pid() + ", " + description + (isAlive() ? "" : ", exited") + "]";
    }

    private void drain(InputStream err) {
        try (var reader = new InputStreamReader(err, StandardCharsets.UTF_8)) {
            char[] buffer = new char[1024];
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                synchronized (stderrTail) {
                    stderrTail.append(buffer, 0, n);
                    if (stderrTail.length() > STDERR_TAIL_CHARS) {
                        stderrTail.delete(0, stderrTail.length() - STDERR_TAIL_CHARS);
                    }
                }
            }
        } catch (IOException ignored) {
            // the child is gone
        }
    }
}
