package course.process;

import course.platform.Directories;
import course.platform.Javac;
import course.platform.LibClassPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of worker JVMs that run a {@link WorkerTask}, like Python's {@code multiprocessing.Pool}:
 * real parallelism in separate processes, with text in and text out.
 *
 * <pre>{@code
 * try (var pool = ProcessPool.start(2, CountPrimes.class)) {
 *     List<String> counts = pool.map(List.of("0 1000000", "1000000 2000000")); // input order
 *     CompletableFuture<String> one = pool.submit("0 100");
 * }   // close(): every worker JVM is gone
 * }</pre>
 *
 * <p>Each worker takes one input at a time from a shared queue, so a fast worker takes more inputs.
 * If a worker dies (a call to {@code System.exit}, out of memory, a crash) or gives no answer within
 * the task timeout, its input fails with a {@link WorkerFailedException} naming the worker's pid,
 * the input and the reason; the worker is replaced and the pool stays usable. If the task throws an
 * exception, the input fails with a {@link TaskFailedException} and the worker keeps going.
 *
 * <p>Parent and workers talk over the workers' standard input and output, one escaped line per
 * message (see {@link PoolWorker}).
 */
public final class ProcessPool implements AutoCloseable {

    /**
     * How a pool runs: {@code Options.defaults().taskTimeout(Duration.ofSeconds(5))}.
     *
     * @param taskTimeout  how long one input may take before its worker is killed and replaced
     * @param startTimeout how long a worker JVM may take to start and load the task
     * @param jvmFlags     flags for the worker JVMs
     */
    public record Options(Duration taskTimeout, Duration startTimeout, List<String> jvmFlags) {

        /** Checks the values. */
        public Options {
            Objects.requireNonNull(taskTimeout, "taskTimeout");
            Objects.requireNonNull(startTimeout, "startTimeout");
            if (taskTimeout.isNegative() || taskTimeout.isZero()) {
                throw new IllegalArgumentException("taskTimeout must be positive, got " + taskTimeout);
            }
            if (startTimeout.isNegative() || startTimeout.isZero()) {
                throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
            }
            jvmFlags = List.copyOf(jvmFlags);
        }

        /** A task timeout of 2 minutes, 30 s to start a worker, {@link WorkerJvm#DEFAULT_JVM_FLAGS}. */
        public static Options defaults() {
            return new Options(Duration.ofMinutes(2), Duration.ofSeconds(30), WorkerJvm.DEFAULT_JVM_FLAGS);
        }

        /** These options with another task timeout. */
        public Options taskTimeout(Duration taskTimeout) {
            return new Options(taskTimeout, startTimeout, jvmFlags);
        }

        /** These options with another start timeout. */
        public Options startTimeout(Duration startTimeout) {
            return new Options(taskTimeout, startTimeout, jvmFlags);
        }

        /** These options with other JVM flags for the workers. */
        public Options jvmFlags(List<String> jvmFlags) {
            return new Options(taskTimeout, startTimeout, jvmFlags);
        }
    }

    /** One input waiting for, or being run by, a worker. */
    private record Job(String input, CompletableFuture<String> result) {
    }

    private static final Job STOP = new Job("", new CompletableFuture<>());

    private final String taskClassName;
    private final List<Path> extraClassPath;
    private final Options options;
    private final Path tempDir;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final List<Slot> slots = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger replaced = new AtomicInteger();

    private ProcessPool(int workers, String taskClassName, List<Path> extraClassPath, Options options, Path tempDir) {
        this.taskClassName = taskClassName;
        this.extraClassPath = List.copyOf(extraClassPath);
        this.options = options;
        this.tempDir = tempDir;
        try {
            List<WorkerJvm> started = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                started.add(launch());
            }
            RuntimeException failure = null;
            for (WorkerJvm jvm : started) {
                try {
                    awaitReady(jvm);
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                started.forEach(WorkerJvm::close);
                throw failure;
            }
            for (int i = 0; i < workers; i++) {
                slots.add(new Slot(i, started.get(i)));
            }
        } catch (RuntimeException e) {
            deleteTempDir();
            throw e;
        }
    }

    /** Starts {@code workers} worker JVMs running {@code task}, with {@link Options#defaults()}. */
    public static ProcessPool start(int workers, Class<? extends WorkerTask> task) {
        return start(workers, task, Options.defaults());
    }

    /**
     * Starts {@code workers} worker JVMs running {@code task}. The class must be compiled to a jar or
     * directory (a class of this library, or of a project); for a class written in a notebook cell
     * use {@link #fromSource(int, String, String)}.
     */
    public static ProcessPool start(int workers, Class<? extends WorkerTask> task, Options options) {
        checkWorkers(workers);
        Objects.requireNonNull(task, "task");
        Path location = LibClassPath.location(task).orElseThrow(() -> new IllegalArgumentException(
                "class " + task.getName() + " has no class file on disk (it was probably defined in a"
                        + " notebook cell), so a worker JVM cannot load it; pass its source to"
                        + " ProcessPool.fromSource(workers, \"" + task.getSimpleName() + "\", source) instead"));
        return new ProcessPool(workers, task.getName(), List.of(location), options, null);
    }

    /** {@link #fromSource(int, String, String, Options)} with {@link Options#defaults()}. */
    public static ProcessPool fromSource(int workers, String className, String javaSource) {
        return fromSource(workers, className, javaSource, Options.defaults());
    }

    /**
     * Compiles a {@link WorkerTask} class given as Java source (e.g. a text block in a notebook
     * cell) and starts a pool running it. {@code className} is the class's name, with its package if
     * the source declares one. {@code import course.process.WorkerTask;} is added if the source has no
     * package declaration. A compile error throws an {@link IllegalArgumentException} listing each
     * error with its line number and the offending line.
     */
    public static ProcessPool fromSource(int workers, String className, String javaSource, Options options) {
        checkWorkers(workers);
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(javaSource, "javaSource");
        Path dir = compile(className, javaSource);
        return new ProcessPool(workers, className, List.of(dir.resolve("classes")), options, dir);
    }

    private static void checkWorkers(int workers) {
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("a pool needs 1 to 64 workers, got " + workers
                    + "; this machine has " + Runtime.getRuntime().availableProcessors() + " cores");
        }
    }

    /** Runs every input and returns the results in input order; the first failure (in input order) is thrown. */
    public List<String> map(List<String> inputs) {
        List<CompletableFuture<String>> futures = inputs.stream().map(this::submit).toList();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null).join();
        List<String> results = new ArrayList<>(futures.size());
        for (CompletableFuture<String> f : futures) {
            try {
                results.add(f.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
        return results;
    }

    /**
     * Queues one input; the future completes with the task's result, or exceptionally with a
     * {@link WorkerFailedException} or {@link TaskFailedException}.
     *
     * @throws IllegalStateException if the pool is closed
     */
    public CompletableFuture<String> submit(String input) {
        Objects.requireNonNull(input, "input");
        if (closed.get()) {
            throw new IllegalStateException("this ProcessPool is closed; start a new one");
        }
        CompletableFuture<String> result = new CompletableFuture<>();
        queue.add(new Job(input, result));
        if (closed.get()) {
            result.completeExceptionally(new CancellationException("the pool was closed"));
        }
        return result;
    }

    /** The number of workers. */
    public int size() {
        return slots.size();
    }

    /** The process ids of the current workers. */
    public List<Long> pids() {
        return slots.stream().map(s -> s.worker.pid()).toList();
    }

    /** How many workers were replaced after they died or hung. */
    public int replacedWorkers() {
        return replaced.get();
    }

    /** The task class the workers run. */
    public String taskClassName() {
        return taskClassName;
    }

    /**
     * Stops the pool: inputs not yet started fail with a {@link CancellationException}, the workers
     * are ended (with any children of theirs), and the pool's threads are joined. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Job> left = new ArrayList<>();
        queue.drainTo(left);
        for (Job job : left) {
            job.result.completeExceptionally(new CancellationException("the pool was closed before this input ran"));
        }
        for (Slot slot : slots) {
            queue.add(STOP);
        }
        for (Slot slot : slots) {
            slot.stop();
        }
        List<Job> late = new ArrayList<>();
        queue.drainTo(late);
        for (Job job : late) {
            job.result.completeExceptionally(new CancellationException("the pool was closed before this input ran"));
        }
        deleteTempDir();
    }

    @Override
    public String toString() {
        return "ProcessPool[" + slots.size() + " workers running " + taskClassName + ", pids " + pids()
                + (closed.get() ? ", closed" : "") + "]";
    }

    private WorkerJvm launch() {
        return WorkerJvm.start(PoolWorker.class.getName(), extraClassPath, options.jvmFlags(), List.of(taskClassName));
    }

    private void awaitReady(WorkerJvm jvm) {
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return jvm.stdout().readLine();
            } catch (IOException e) {
                return null;
            }
        }, r -> Thread.ofVirtual().start(r));
        String line;
        try {
            line = first.get(options.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            jvm.close();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while starting worker JVMs");
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            jvm.close();
            throw new IllegalStateException("worker JVM pid " + jvm.pid() + " did not start within "
                    + options.startTimeout().toMillis() + " ms; stderr: " + jvm.stderrTail().strip());
        }
        if (Lines.READY.equals(line)) {
            return;
        }
        jvm.close();
        if (line != null && line.startsWith(Lines.FATAL)) {
            throw new IllegalArgumentException("worker JVM could not run task " + taskClassName + ": "
                    + Lines.unescape(line.substring(Lines.FATAL.length())));
        }
        throw new IllegalStateException("worker JVM pid " + jvm.pid() + " failed to start (first line: "
                + line + "); stderr: " + jvm.stderrTail().strip());
    }

    /** One worker JVM and the thread that feeds it inputs. */
    private final class Slot {
        private final Thread driver;
        private volatile WorkerJvm worker;
        private BlockingQueue<String> replies;

        Slot(int index, WorkerJvm first) {
            this.worker = first;
            this.replies = readReplies(first);
            this.driver = Thread.ofPlatform().daemon().name("process-pool-" + index).start(this::drive);
        }

        private void drive() {
            while (true) {
                Job job;
                try {
                    job = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                if (job == STOP) {
                    return;
                }
                if (job.result.isDone()) {
                    continue; // cancelled while queued
                }
                run(job);
            }
        }

        private void run(Job job) {
            WorkerJvm jvm = worker;
            if (!jvm.isAlive() && !closed.get()) {
                // an earlier replacement failed: try again now
                RuntimeException notReplaced = replace();
                if (notReplaced != null) {
                    job.result.completeExceptionally(new WorkerFailedException(jvm.pid(), job.input,
                            "no worker could start: " + notReplaced.getMessage()));
                    return;
                }
                jvm = worker;
            }
            jvm.stdin().print(Lines.escape(job.input) + "\n");
            jvm.stdin().flush();
            String reply;
            try {
                reply = replies.poll(options.taskTimeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                job.result.completeExceptionally(new CancellationException("the pool was closed while this input ran"));
                return;
            }
            if (reply != null && reply.startsWith(Lines.OK)) {
                job.result.complete(Lines.unescape(reply.substring(Lines.OK.length())));
            } else if (reply != null && reply.startsWith(Lines.ERR)) {
                job.result.completeExceptionally(new TaskFailedException(jvm.pid(), job.input,
                        Lines.unescape(reply.substring(Lines.ERR.length()))));
            } else {
                String reason = reply == null
                        ? "no answer within " + options.taskTimeout().toMillis() + " ms (task timeout), killed"
                        : died(jvm, reply);
                jvm.close();
                if (closed.get()) {
                    job.result.completeExceptionally(new CancellationException("the pool was closed while this input ran"));
                    return;
                }
                // replace first, so whoever sees this failure sees a full pool again
                RuntimeException notReplaced = replace();
                if (notReplaced != null) {
                    reason += "; and no replacement worker could start: " + notReplaced.getMessage();
                }
                job.result.completeExceptionally(new WorkerFailedException(jvm.pid(), job.input, reason));
            }
        }

        /** Why the worker stopped answering; {@code reply} is a line that broke the protocol, or "" at end of output. */
        private String died(WorkerJvm jvm, String reply) {
            String code;
            try {
                code = "exited with code " + jvm.waitFor(Duration.ofSeconds(5));
                jvm.awaitStderr(Duration.ofSeconds(2));
            } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
                code = reply.isEmpty() ? "closed its output"
                        : "broke the protocol by writing '" + Lines.brief(reply, 80) + "' to its standard output";
            }
            // the JVM reports -XX:+ExitOnOutOfMemoryError on standard output, so look at both
            String err = (reply.isEmpty() ? "" : reply + "\n") + jvm.stderrTail().strip();
            String hint = err.lines()
                    .filter(l -> l.contains("Error") || l.contains("Exception") || l.contains("Terminating"))
                    .findFirst().orElse("");
            if (err.toLowerCase(Locale.ROOT).contains("outofmemoryerror")) {
                hint = hint.isEmpty() ? "OutOfMemoryError" : hint;
            }
            return code + (hint.isEmpty() ? "" : " (" + hint.strip() + ")");
        }

        /** Starts a new worker in this slot (3 attempts); the last failure, or null on success. */
        private RuntimeException replace() {
            RuntimeException last = null;
            for (int attempt = 0; attempt < 3 && !closed.get(); attempt++) {
                WorkerJvm next = launch();
                try {
                    awaitReady(next);
                    worker = next;
                    replies = readReplies(next);
                    replaced.incrementAndGet();
                    if (closed.get()) {
                        next.close(); // close() may have missed it
                    }
                    return null;
                } catch (RuntimeException e) {
                    last = e;
                    if (Thread.currentThread().isInterrupted()) {
                        break;
                    }
                }
            }
            return last;
        }

        void stop() {
            worker.stdin().close();
            driver.interrupt();
            worker.close();
            try {
                driver.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker.close();
        }
    }

    /** A thread that reads every line the worker writes into a queue; {@code ""} marks end of output. */
    private static BlockingQueue<String> readReplies(WorkerJvm jvm) {
        BlockingQueue<String> replies = new LinkedBlockingQueue<>();
        Thread.ofVirtual().name("worker-" + jvm.pid() + "-stdout").start(() -> {
            try {
                String line;
                while ((line = jvm.stdout().readLine()) != null) {
                    replies.add(line);
                }
            } catch (IOException ignored) {
                // the worker is gone
            }
            replies.add("");
        });
        return replies;
    }

    private static Path compile(String className, String javaSource) {
        if (!Javac.available()) {
            throw new IllegalStateException("no Java compiler here (a JRE, not a JDK?): run the course with a JDK 25");
        }
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        String packagePath = className.contains(".")
                ? className.substring(0, className.lastIndexOf('.')).replace('.', '/') + "/" : "";
        boolean hasPackage = javaSource.lines().anyMatch(l -> l.strip().startsWith("package "));
        // on the first line, so line numbers in errors match the source as written
        String source = hasPackage ? javaSource : "import course.process.WorkerTask; " + javaSource;
        Path dir;
        try {
            dir = Files.createTempDirectory("process-pool-");
            Path file = dir.resolve("src").resolve(packagePath + simpleName + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source, StandardCharsets.UTF_8);
            Path classes = Files.createDirectories(dir.resolve("classes"));
            Javac.Result result = Javac.compile(List.of(file), classes, LibClassPath.string(), List.of());
            if (!result.ok()) {
                Directories.deleteTree(dir);
                throw new IllegalArgumentException(compileErrors(className, javaSource, result.errors()));
            }
            checkTaskClass(className, classes, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not compile " + className + " in a temporary directory", e);
        }
    }

    private static String compileErrors(String className, String javaSource, List<Javac.Error> errors) {
        List<String> lines = javaSource.lines().toList();
        StringBuilder message = new StringBuilder("compiling " + className + " failed:");
        for (Javac.Error e : errors) {
            long line = e.line();
            message.append("\n  line ").append(line).append(": ").append(e.message());
            if (line >= 1 && line <= lines.size()) {
                message.append("\n      ").append(lines.get((int) line - 1).strip());
            }
        }
        if (errors.stream().anyMatch(e -> e.message().contains("should be declared in a file named"))) {
            message.append("\n(the className argument must be the name of the public class in the source)");
        }
        return message.toString();
    }

    private static void checkTaskClass(String className, Path classes, Path dir) throws IOException {
        URL[] path = {classes.toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader(path, WorkerTask.class.getClassLoader())) {
            Class<?> type = Class.forName(className, false, loader);
            if (!WorkerTask.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(className + " compiled, but it does not implement"
                        + " WorkerTask: declare it as 'public class " + type.getSimpleName() + " implements WorkerTask'");
            }
        } catch (ClassNotFoundException e) {
            Directories.deleteTree(dir);
            throw new IllegalArgumentException("the source compiled but has no class named " + className
                    + "; pass the class's name (with its package, if it declares one)", e);
        } catch (IllegalArgumentException e) {
            Directories.deleteTree(dir);
            throw e;
        }
    }

    private void deleteTempDir() {
        if (tempDir != null) {
            Directories.deleteTree(tempDir);
        }
    }
}
