package course.workers;

/**
 * The smallest worker: prints one line naming its process and its parent, then exits with the
 * code given as its first argument (default 0).
 *
 * <pre>{@code
 * java -cp course-lib.jar course.workers.Hello 3
 * // hello from process 4242 (parent 4100), exit code 3
 * }</pre>
 */
public final class Hello {

    private Hello() {
    }

    /** Prints a greeting with this process's id and exits with {@code args[0]} (default 0). */
    public static void main(String[] args) {
        int code = 0;
        if (args.length > 0) {
            try {
                code = Integer.parseInt(args[0]);
            } catch (NumberFormatException e) {
                System.err.println("usage: Hello [exit code], e.g. Hello 3; got '" + args[0] + "'");
                System.exit(2);
            }
        }
        System.out.println(greeting(ProcessHandle.current(), code));
        System.exit(code);
    }

    /** The line {@link #main} prints for process {@code self} exiting with {@code code}. */
    public static String greeting(ProcessHandle self, int code) {
        String parent = self.parent().map(p -> Long.toString(p.pid())).orElse("unknown");
        return "hello from process " + self.pid() + " (parent " + parent + "), exit code " + code;
    }
}
