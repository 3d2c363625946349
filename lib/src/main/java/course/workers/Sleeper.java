package course.workers;

import course.platform.Jvm;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A worker that does nothing for a while, optionally with child JVMs of its own: a small process
 * tree to look at with {@link ProcessHandle#children()} and {@link ProcessHandle#descendants()}.
 *
 * <p>{@code Sleeper [children] [maxSeconds]} starts {@code children} (default 0) child JVMs that run
 * {@code Sleeper 0 maxSeconds}, prints one line {@code sleeper <pid> children [<pid>, ...]}, then
 * waits until its standard input ends or {@code maxSeconds} (default 60) have passed, and exits after
 * ending its children. Its children watch their standard input, a pipe from this process, so they end
 * too if this process is killed.
 */
public final class Sleeper {

    /** The longest a sleeper waits when nobody closes its input: a bound, not a timing. */
    public static final int DEFAULT_MAX_SECONDS = 60;

    private Sleeper() {
    }

    /** Starts the children, reports, waits for end of input (or the time limit), ends the children. */
    public static void main(String[] args) throws Exception {
        int children;
        int maxSeconds;
        try {
            children = args.length > 0 ? Integer.parseInt(args[0]) : 0;
            maxSeconds = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_MAX_SECONDS;
        } catch (NumberFormatException e) {
            System.err.println("usage: Sleeper [children] [maxSeconds], e.g. Sleeper 2 30");
            System.exit(2);
            return;
        }
        if (children < 0 || children > 16 || maxSeconds < 1) {
            System.err.println("Sleeper: children must be 0..16 and maxSeconds at least 1, got " + children + " and " + maxSeconds);
            System.exit(2);
        }
        List<Process> kids = new ArrayList<>();
        try {
            for (int i = 0; i < children; i++) {
                kids.add(new ProcessBuilder(javaCommand(Sleeper.class, "0", Integer.toString(maxSeconds)))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start());
            }
            System.out.println(report(ProcessHandle.current().pid(), kids.stream().map(Process::pid).toList()));
            System.out.flush();
            awaitEndOfInput(System.in, maxSeconds);
        } finally {
            for (Process kid : kids) {
                kid.getOutputStream().close(); // end of input: the child leaves on its own
            }
            for (Process kid : kids) {
                if (!kid.waitFor(5, TimeUnit.SECONDS)) {
                    kid.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** The line a sleeper prints: {@code sleeper 4242 children [4250, 4251]}. */
    public static String report(long pid, List<Long> children) {
        return "sleeper " + pid + " children " + children.stream().map(String::valueOf)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** Blocks until {@code in} reaches end-of-file or {@code maxSeconds} pass. */
    static void awaitEndOfInput(InputStream in, int maxSeconds) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        Thread reader = Thread.ofPlatform().daemon().name("sleeper-stdin").start(() -> {
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // ignore what is written; only the end matters
                }
            } catch (IOException ignored) {
                // a broken pipe is an end too
            }
            ended.countDown();
        });
        ended.await(maxSeconds, TimeUnit.SECONDS);
        reader.interrupt();
    }

    /**
     * The command that runs {@code mainClass} in a new JVM with this JVM's {@code java} and
     * {@code java.class.path}, a small heap and a simple collector. Meant for workers (whose class
     * path is the library's), not for a notebook kernel (whose class path is the kernel's own).
     */
    static List<String> javaCommand(Class<?> mainClass, String... args) {
        String java = Jvm.javaExecutable().toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
