package course.platform;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiling Java source at run time with the JDK's own compiler ({@code javax.tools}): the one place the
 * library calls javac, for tasks a notebook writes ({@code ProcessPool.fromSource}) and for graded submissions.
 *
 * <p>Every compilation is quiet and self-contained: UTF-8 source, no annotation processing, no lint warnings.
 */
public final class Javac {

    /** Options every compilation gets, before the caller's own. */
    public static final List<String> BASE_OPTIONS = List.of("-proc:none", "-encoding", "UTF-8", "-Xlint:none", "-nowarn");

    private Javac() {
    }

    /**
     * One compile error.
     *
     * @param file    the source file's name (no directory), or "" when javac names none
     * @param line    the 1-based line in that file, or -1 when javac gives none
     * @param message javac's message, all its lines
     */
    public record Error(String file, long line, String message) {

        /** The message's first line: enough for a one-line report. */
        public String firstLine() {
            return message.lines().findFirst().orElse("");
        }
    }

    /**
     * What javac said.
     *
     * @param ok     whether every source compiled
     * @param errors the errors, in javac's order
     * @param output anything else javac printed (usually empty)
     */
    public record Result(boolean ok, List<Error> errors, String output) {
        public Result {
            errors = List.copyOf(errors);
        }
    }

    /** Whether this runtime has a compiler (a JDK does, a JRE does not). */
    public static boolean available() {
        return ToolProvider.getSystemJavaCompiler() != null;
    }

    /**
     * Compiles {@code sources} into {@code classes} against {@code classPath}, with {@link #BASE_OPTIONS} and then
     * {@code options} (e.g. {@code --release 25}).
     *
     * @throws IllegalStateException when this runtime has no compiler, with what to do about it
     */
    public static Result compile(List<Path> sources, Path classes, String classPath, List<String> options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime (a JRE, not a JDK?): run the course with a JDK 25");
        }
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath));
        args.addAll(BASE_OPTIONS);
        args.addAll(options);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter out = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(out, files, diagnostics, args, null, files.getJavaFileObjectsFromPaths(sources)).call();
            // read the diagnostics while the file manager is open: their line numbers need the source
            List<Error> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> new Error(d.getSource() == null ? "" : Path.of(d.getSource().getName()).getFileName().toString(),
                            d.getLineNumber() == Diagnostic.NOPOS ? -1 : d.getLineNumber(), d.getMessage(Locale.ROOT)))
                    .toList();
            return new Result(ok, errors, out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not compile " + sources + ": " + e.getMessage(), e);
        }
    }
}
