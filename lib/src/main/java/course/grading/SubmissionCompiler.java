package course.grading;

import course.exercises.Catalog;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a notebook's {@code solution} cells into class files, the way the kernel would see
 * them: the kernel's imports plus the exercise's contract package, the cells' own imports hoisted,
 * top-level declarations made package-private. Errors are reported with cell-relative line numbers.
 */
public final class SubmissionCompiler {

    /** The imports the kernel's start-up script provides. */
    public static final List<String> KERNEL_IMPORTS = List.of("java.util.*", "java.util.concurrent.*",
            "java.util.concurrent.atomic.*", "java.util.concurrent.locks.*", "java.util.function.*",
            "java.util.stream.*", "java.time.*", "java.nio.file.*", "java.io.*", "java.net.*", "java.net.http.*",
            "course.display.*", "course.timing.*", "course.chart.*", "course.workload.*", "course.server.*",
            "course.process.*", "course.python.*");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*$");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+((?:final|abstract|sealed|non-sealed|strictfp)\\s+)*(class|record|interface|enum)\\b");
    private static final int MAX_ERRORS = 3;

    /**
     * The outcome of compiling a submission.
     *
     * @param classDir   where the class files are (null if compilation failed)
     * @param classNames the top-level classes compiled
     * @param errors     the first compiler errors, cell-relative ("cell 4, line 3: ..."); empty on success
     */
    public record Compiled(Path classDir, List<String> classNames, List<String> errors) {

        /** True if it compiled. */
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private record Span(int cell, int firstLine, int lineCount) {
    }

    private SubmissionCompiler() {
    }

    /** The Java source the cells become, and where each cell starts in it. */
    static String assemble(List<Notebook.Cell> cells, Catalog.Exercise exercise, List<Span> spans,
            java.util.function.Predicate<String> packageExists) {
        // a course package another part of lib has not shipped yet is skipped, as the kernel would fail on it too
        List<String> imports = new ArrayList<>(KERNEL_IMPORTS.stream()
                .filter(i -> !i.startsWith("course.") || packageExists.test(i.substring(0, i.length() - 2)))
                .map(i -> "import " + i + ";").toList());
        imports.add("import " + exercise.contractPackage() + ".*;");
        StringBuilder body = new StringBuilder();
        List<String[]> cellLines = new ArrayList<>();
        for (Notebook.Cell cell : cells) {
            String[] lines = cell.source().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (IMPORT.matcher(lines[i]).matches()) {
                    imports.add(lines[i].strip());
                    lines[i] = "";
                } else {
                    Matcher m = PUBLIC_TYPE.matcher(lines[i]);
                    if (m.find()) {
                        lines[i] = lines[i].substring("public".length()).stripLeading();
                    }
                }
            }
            cellLines.add(lines);
        }
        StringBuilder source = new StringBuilder();
        imports.stream().distinct().forEach(i -> source.append(i).append('\n'));
        int line = (int) imports.stream().distinct().count() + 1;
        for (int c = 0; c < cells.size(); c++) {
            source.append("// cell ").append(cells.get(c).index()).append('\n');
            line++;
            String[] lines = cellLines.get(c);
            spans.add(new Span(cells.get(c).index(), line, lines.length));
            for (String l : lines) {
                source.append(l).append('\n');
            }
            line += lines.length;
        }
        body.append(source);
        return body.toString();
    }

    /** Compiles {@code cells} for {@code exercise} into {@code outDir}. */
    public static Compiled compile(List<Notebook.Cell> cells, Catalog.Exercise exercise, Path outDir) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException("no Java compiler in this runtime: run the grader with a JDK 25 (not a JRE)");
        }
        List<Span> spans = new ArrayList<>();
        String source;
        try (StandardJavaFileManager probe = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            probe.setLocation(javax.tools.StandardLocation.CLASS_PATH,
                    java.util.Arrays.stream(classPath().split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(File::new).toList());
            source = assemble(cells, exercise, spans, pkg -> {
                try {
                    return probe.list(javax.tools.StandardLocation.CLASS_PATH, pkg,
                            java.util.Set.of(JavaFileObject.Kind.CLASS), false).iterator().hasNext();
                } catch (IOException e) {
                    return false;
                }
            });
        }
        Path srcDir = Files.createDirectories(outDir.resolve("src"));
        Path classes = Files.createDirectories(outDir.resolve("classes"));
        Path file = srcDir.resolve("Submission.java");
        Files.writeString(file, source);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-d", classes.toString(), "-cp", classPath(), "--release",
                    String.valueOf(Runtime.version().feature()), "--enable-preview", "-proc:none", "-implicit:none",
                    "-nowarn", "-Xlint:none", "-encoding", "UTF-8");
            StringWriter out = new StringWriter();
            boolean ok = javac.getTask(out, files, diagnostics, options, null, files.getJavaFileObjects(file)).call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .limit(MAX_ERRORS)
                    .map(d -> where(d, spans) + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
                    .toList();
            if (!ok) {
                return new Compiled(null, List.of(), errors.isEmpty() ? List.of("does not compile: " + out) : errors);
            }
        }
        List<String> names;
        try (Stream<Path> list = Files.list(classes)) {
            names = list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .sorted().toList();
        }
        return new Compiled(classes, names, List.of());
    }

    private static String where(Diagnostic<? extends JavaFileObject> d, List<Span> spans) {
        long line = d.getLineNumber();
        for (Span s : spans) {
            if (line >= s.firstLine() && line < s.firstLine() + s.lineCount()) {
                return "cell " + s.cell() + ", line " + (line - s.firstLine() + 1);
            }
        }
        return "line " + line;
    }

    /** The class path submissions compile against: lib and the JVM's own class path. */
    static String classPath() {
        List<String> entries = new ArrayList<>();
        entries.add(libLocation().toString());
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }

    /** Where lib's classes are: {@code lib/target/course-lib.jar} or, in lib's own tests, {@code lib/target/classes}. */
    public static Path libLocation() {
        try {
            URI uri = SubmissionCompiler.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
