package course.process;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * The main class of every {@link ProcessPool} worker JVM: {@code PoolWorker <task class name>}.
 *
 * <p>It creates the task, writes {@code READY}, then for each line read from standard input (an
 * escaped input) writes one line: {@code OK\t<escaped result>} or {@code ERR\t<escaped exception>}.
 * It exits when standard input closes. An {@link Error} such as {@code OutOfMemoryError} ends the
 * worker (exit code 3) because the JVM may no longer be sound; the pool reports it and replaces it.
 */
public final class PoolWorker {

    /** Exit code when the task class cannot be loaded or created. */
    public static final int EXIT_BAD_TASK = 2;
    /** Exit code when a task threw an {@link Error}. */
    public static final int EXIT_ERROR = 3;

    private PoolWorker() {
    }

    /** Runs the worker loop; {@code args[0]} is the binary name of a {@link WorkerTask} class. */
    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        System.setOut(System.err); // the task's prints must not mix with the protocol
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        WorkerTask task;
        try {
            if (args.length != 1) {
                throw new IllegalArgumentException("usage: PoolWorker <task class name>");
            }
            task = create(args[0]);
        } catch (Exception | LinkageError e) {
            protocol.print(Lines.FATAL + Lines.escape(e.getMessage() == null ? e.toString() : e.getMessage()) + "\n");
            protocol.flush();
            System.exit(EXIT_BAD_TASK);
            return;
        }
        protocol.print(Lines.READY + "\n");
        protocol.flush();
        String line;
        while ((line = in.readLine()) != null) {
            String input = Lines.unescape(line);
            String reply;
            try {
                String result = task.apply(input);
                reply = Lines.OK + Lines.escape(String.valueOf(result));
            } catch (Exception e) {
                reply = Lines.ERR + Lines.escape(stackTrace(e));
            } catch (Error e) {
                System.err.println("worker " + ProcessHandle.current().pid() + " stops: " + e);
                e.printStackTrace();
                System.err.flush();
                Runtime.getRuntime().halt(EXIT_ERROR);
                return;
            }
            protocol.print(reply + "\n");
            protocol.flush();
        }
    }

    private static WorkerTask create(String className) throws Exception {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("the worker cannot find task class " + className
                    + " on its class path; a class defined in a notebook cell is not visible to another"
                    + " JVM: pass its source to ProcessPool.fromSource(...) instead", e);
        }
        if (!WorkerTask.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " does not implement course.process.WorkerTask");
        }
        try {
            return (WorkerTask) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(className
                    + " needs a public no-argument constructor (and must be a public top-level or static nested class)", e);
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString().strip();
    }
}
