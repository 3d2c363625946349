package course.grading.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiler's text-block handling and the AOT cache's key. */
class GraderInternalsTest {

    @Test
    void importsInsideATextBlockStayInTheString() throws Exception {
        String cell = String.join("\n",
                "import java.math.BigInteger;",
                "class Holder {",
                "    static final String SRC = \"\"\"",
                "        import java.nio.file.*;",
                "        public class Inner {}",
                "        \"\"\";",
                "    BigInteger big = BigInteger.ONE;",
                "}");
        List<Notebook.Cell> cells = List.of(new Notebook.Cell(3, "code", List.of("solution"), cell));
        String source = SubmissionCompiler.assemble(cells, Exercises.byId("09-processes").orElseThrow(), new ArrayList<>(), pkg -> true);
        assertTrue(source.contains("        import java.nio.file.*;\n        public class Inner {}"), source);
        assertTrue(source.startsWith("import ") && source.contains("import java.math.BigInteger;\n"), source);
        assertEquals(1, source.lines().filter(l -> l.equals("import java.nio.file.*;")).count(),
                "only the kernel's own import at the top: " + source);
        assertEquals(2, SubmissionCompiler.textBlockDelimiters("String a = \"\"\"x\"\"\";"));
        assertEquals(1, SubmissionCompiler.textBlockDelimiters("    static final String SRC = \"\"\""));
        assertEquals(0, SubmissionCompiler.textBlockDelimiters("// a comment with \"\"\" in it"));
    }

    @Test
    void aSolutionCallingShowWithATableCompilesWithTheKernelsImports(@TempDir Path dir) throws Exception {
        List<String> imports = SubmissionCompiler.kernelImports();
        assertTrue(imports.contains("static course.display.Show.show") && imports.contains("tech.tablesaw.api.Table"), imports.toString());
        String cell = "class ShowsTable {\n    static void go() { show(Table.create(\"t\")); }\n}";
        List<Notebook.Cell> cells = List.of(new Notebook.Cell(4, "code", List.of("solution"), cell));
        SubmissionCompiler.Compiled c = SubmissionCompiler.compile(cells, Exercises.byId("01-threads").orElseThrow(), dir);
        assertTrue(c.ok(), c.errors().toString());
        assertEquals(List.of("ShowsTable"), c.classNames());
        assertTrue(c.cellMap().startsWith("4:"), c.cellMap());
    }

    @Test
    void theExercisesAreTheGradedTestClassesOneForEachInstructorNotebook() throws Exception {
        List<String> notebooks;
        try (var list = Files.list(GraderCache.instructorDirectory())) {
            notebooks = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb"))
                    .map(n -> n.substring(0, n.length() - ".ipynb".length())).sorted().toList();
        }
        assertEquals(notebooks, Exercises.all().stream().map(Exercises.Exercise::id).toList());
        for (Exercises.Exercise ex : Exercises.all()) {
            assertEquals(ex.id(), ex.testClass().getAnnotation(course.grading.Graded.class).value());
            assertTrue(ex.title().startsWith("Exercise " + ex.id().substring(0, 2)), ex.title());
        }
    }

    @Test
    void cacheKeyFollowsFlagsAndClassPath(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "x");
        List<String> flags = List.of("java", "-Xmx256m");
        Path first = GraderCache.file(dir, flags, jar.toString());
        assertEquals(first, GraderCache.file(dir, flags, jar.toString()), "same inputs, same cache");
        assertTrue(first.getFileName().toString().matches("grader-[0-9a-f]{16}\\.aot"), first.toString());
        assertNotEquals(first, GraderCache.file(dir, List.of("java", "-Xmx512m"), jar.toString()), "flags are in the key");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertNotEquals(first, GraderCache.file(dir, flags, jar.toString()), "a rebuilt jar gets a new cache");
    }
}
