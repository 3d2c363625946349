package course.grading.batch;

import course.grading.Feedback;
import course.platform.Javac;
import course.platform.LibClassPath;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

    /** System property: the kernel's start-up script, when it is not at {@code lib/kernel/startup.jsh} next to lib. */
    public static final String STARTUP_PROPERTY = "course.kernel.startup";

    private static final Pattern STARTUP_IMPORT = Pattern.compile("^\\s*import\\s+((?:static\\s+)?[\\w.]+(?:\\.\\*)?)\\s*;\\s*$");

    /**
     * The imports the kernel's start-up script ({@code lib/kernel/startup.jsh}) gives every cell, read
     * from that script so the grader compiles with exactly what the notebook has: "java.util.*",
     * "static course.display.Show.show", ...
     */
    public static List<String> kernelImports() {
        Path script = Path.of(System.getProperty(STARTUP_PROPERTY,
                libLocation().getParent().getParent().resolve("kernel").resolve("startup.jsh").toString()));
        try {
            return Files.readAllLines(script).stream().map(STARTUP_IMPORT::matcher).filter(Matcher::matches)
                    .map(m -> m.group(1).replaceAll("\\s+", " ")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the kernel's start-up script " + script
                    + " (the grader compiles with its imports): run the grader from a checkout of the course, or set -D"
                    + STARTUP_PROPERTY, e);
        }
    }

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
     * @param cellMap    where each cell starts in the assembled source, for {@link Feedback#CELLS_PROPERTY}
     */
    public record Compiled(Path classDir, List<String> classNames, List<String> errors, String cellMap) {

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
    static String assemble(List<Notebook.Cell> cells, Exercises.Exercise exercise, List<Span> spans,
            java.util.function.Predicate<String> packageExists) {
        // a course package another part of lib has not shipped yet is skipped, as the kernel would fail on it too
        List<String> imports = new ArrayList<>(kernelImports().stream()
                .filter(i -> !i.startsWith("course.") || !i.endsWith(".*") || packageExists.test(i.substring(0, i.length() - 2)))
                .map(i -> "import " + i + ";").toList());
        imports.add("import " + exercise.contractPackage() + ".*;");
        StringBuilder body = new StringBuilder();
        List<String[]> cellLines = new ArrayList<>();
        for (Notebook.Cell cell : cells) {
            String[] lines = cell.source().split("\n", -1);
            boolean inTextBlock = false;
            for (int i = 0; i < lines.length; i++) {
                // lines inside a text block are data (e.g. a worker's source for ProcessPool.fromSource): leave them alone
                boolean startsInside = inTextBlock;
                inTextBlock ^= textBlockDelimiters(lines[i]) % 2 == 1;
                if (startsInside || inTextBlock) {
                    continue;
                }
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

    /** How many {@code """} delimiters a line has (escaped ones and those in a // comment not counted). */
    static int textBlockDelimiters(String line) {
        int count = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.startsWith("\\\"", i)) {
                i++;
            } else if (line.startsWith("//", i) && count % 2 == 0 && !line.substring(0, i).contains("\"")) {
                break;
            } else if (line.startsWith("\"\"\"", i)) {
                count++;
                i += 2;
            }
        }
        return count;
    }

    /** Compiles {@code cells} for {@code exercise} into {@code outDir}. */
    public static Compiled compile(List<Notebook.Cell> cells, Exercises.Exercise exercise, Path outDir) throws IOException {
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
        Path file = srcDir.resolve(Feedback.SOURCE_FILE);
        Files.writeString(file, source);
        Javac.Result result = Javac.compile(List.of(file), classes, classPath(),
                List.of("--release", String.valueOf(Runtime.version().feature()), "--enable-preview", "-implicit:none"));
        if (!result.ok()) {
            List<String> errors = result.errors().stream().limit(MAX_ERRORS)
                    .map(e -> where(e.line(), spans) + ": " + e.firstLine()).toList();
            return new Compiled(null, List.of(), errors.isEmpty() ? List.of("does not compile: " + result.output()) : errors, "");
        }
        List<String> names;
        try (Stream<Path> list = Files.list(classes)) {
            names = list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .sorted().toList();
        }
        String cellMap = spans.stream().map(sp -> sp.cell() + ":" + sp.firstLine() + ":" + sp.lineCount())
                .collect(java.util.stream.Collectors.joining(","));
        return new Compiled(classes, names, List.of(), cellMap);
    }

    private static String where(long line, List<Span> spans) {
        for (Span s : spans) {
            if (line >= s.firstLine() && line < s.firstLine() + s.lineCount()) {
                return "cell " + s.cell() + ", line " + (line - s.firstLine() + 1);
            }
        }
        return "line " + line;
    }

    /** The class path submissions compile against: lib and its dependencies. */
    static String classPath() {
        return LibClassPath.string();
    }

    /** Where lib's classes are: {@code lib/target/course-lib.jar} or, in lib's own tests, {@code lib/target/classes}. */
    public static Path libLocation() {
        return LibClassPath.libLocation();
    }
}
