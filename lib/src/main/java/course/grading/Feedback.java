package course.grading;

import java.util.Set;
import java.util.concurrent.TimeoutException;

/** Turns what a test threw into a plain sentence for the student (no stack traces). */
public final class Feedback {

    /** What a starter reports: its methods throw {@code UnsupportedOperationException("TODO")}. */
    public static final String NOT_IMPLEMENTED = "not implemented yet";

    private static final Set<String> FRAMEWORK = Set.of("java.", "javax.", "jdk.", "sun.", "org.junit.",
            "org.opentest4j.", "course.", "REPL.");

    private Feedback() {
    }

    /**
     * Fails the test with the formatted plain-words message unless {@code ok}:
     * {@code require(n == 10_000, "lost update: %,d of %,d increments counted", n, 10_000)}.
     */
    public static void require(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new AssertionError(format.formatted(args));
        }
    }

    /** True if {@code t}, or any of its causes, is the starter's {@code UnsupportedOperationException("TODO")}. */
    public static boolean isTodo(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsupportedOperationException && "TODO".equals(c.getMessage())) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** The message shown for a failed test. */
    public static String message(Throwable t) {
        if (t == null) {
            return "";
        }
        if (isTodo(t)) {
            return NOT_IMPLEMENTED;
        }
        if ((t instanceof AssertionError || t instanceof org.opentest4j.TestAbortedException) && t.getMessage() != null) {
            return t.getMessage();
        }
        if (t instanceof TimeoutException || String.valueOf(t.getMessage()).contains("timed out after")) {
            return "hang: " + t.getMessage();
        }
        return "threw " + describe(t);
    }

    /** "IllegalStateException: message (at Student.method line 12)" for an unexpected exception. */
    public static String describe(Throwable t) {
        if (t == null) {
            return "an unknown error";
        }
        if (t instanceof OutOfMemoryError) {
            return "OutOfMemoryError: ran out of memory (" + (Runtime.getRuntime().maxMemory() >> 20) + " MB heap)";
        }
        if (t instanceof StackOverflowError) {
            return "StackOverflowError: unbounded recursion?";
        }
        StringBuilder sb = new StringBuilder(t.getClass().getSimpleName());
        if (t.getMessage() != null) {
            sb.append(": ").append(t.getMessage());
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (isStudentFrame(frame)) {
                sb.append(" (at ").append(where(frame)).append(')');
                break;
            }
        }
        if (t.getCause() != null && t.getCause() != t) {
            sb.append(", caused by ").append(t.getCause().getClass().getSimpleName());
            if (t.getCause().getMessage() != null) {
                sb.append(": ").append(t.getCause().getMessage());
            }
        }
        return sb.toString();
    }

    /**
     * System property set by the batch grader: where each solution cell starts in the assembled
     * source file {@value #SOURCE_FILE}, as {@code cell:firstLine:lineCount} entries separated by commas.
     */
    public static final String CELLS_PROPERTY = "course.grading.cells";

    /** The file name the batch grader compiles a submission's cells into. */
    public static final String SOURCE_FILE = "Submission.java";

    /**
     * A student's frame in their own terms: "SafeCounter.get (cell 5, line 3)" when the batch grader
     * assembled the cells, "SafeCounter.get line 3" in the notebook (JShell counts lines per cell).
     */
    public static String where(StackTraceElement frame) {
        String method = simpleClass(frame.getClassName()) + "." + frame.getMethodName();
        int line = frame.getLineNumber();
        if (line <= 0) {
            return method;
        }
        if (SOURCE_FILE.equals(frame.getFileName())) {
            for (String span : System.getProperty(CELLS_PROPERTY, "").split(",")) {
                String[] f = span.split(":");
                if (f.length == 3) {
                    int first = Integer.parseInt(f[1]);
                    if (line >= first && line < first + Integer.parseInt(f[2])) {
                        return method + " (cell " + f[0] + ", line " + (line - first + 1) + ")";
                    }
                }
            }
        }
        return method + " line " + line;
    }

    /** True for frames of the student's code (not the JDK, JUnit, or lib). */
    static boolean isStudentFrame(StackTraceElement frame) {
        String name = frame.getClassName();
        if (name.startsWith("REPL.$JShell$")) {
            return true;
        }
        return FRAMEWORK.stream().noneMatch(name::startsWith);
    }

    static String simpleClass(String binaryName) {
        String s = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        // JShell wraps classes: REPL.$JShell$12$SafeCounter -> SafeCounter
        int dollar = s.lastIndexOf('$');
        if (s.startsWith("$JShell$") && dollar >= 0) {
            return s.substring(dollar + 1);
        }
        return s;
    }
}
