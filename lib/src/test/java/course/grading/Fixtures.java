package course.grading;

import course.grading.batch.Exercises;
import course.grading.batch.Notebook;
import course.grading.batch.SubmissionCompiler;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Compiles notebooks' solution cells (or variants of them) and loads them in this JVM. */
final class Fixtures {

    static final Path INSTRUCTOR = Path.of("instructor/exercises");
    static final Path STUDENT = Path.of("../notebooks/exercises");

    private Fixtures() {
    }

    static Exercises.Exercise exercise(String id) {
        return Exercises.byId(id).orElseThrow();
    }

    static Notebook instructor(String id) throws IOException {
        return Notebook.read(INSTRUCTOR.resolve(id + ".ipynb"));
    }

    /** The solution cells of the instructor notebook, with {@code edits} applied (pairs: old, new). */
    static List<Notebook.Cell> variant(String id, String... edits) throws IOException {
        List<Notebook.Cell> cells = new ArrayList<>(instructor(id).solutionCells());
        for (int e = 0; e < edits.length; e += 2) {
            boolean found = false;
            for (int i = 0; i < cells.size(); i++) {
                Notebook.Cell c = cells.get(i);
                if (c.source().contains(edits[e])) {
                    cells.set(i, new Notebook.Cell(c.index(), c.type(), c.tags(), c.source().replace(edits[e], edits[e + 1])));
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalStateException("planted bug for " + id + " no longer applies: `" + edits[e]
                        + "` is not in the reference solution");
            }
        }
        return cells;
    }

    /** Compiles cells and loads their classes in a fresh class loader. */
    static Class<?>[] load(List<Notebook.Cell> cells, String id) throws Exception {
        Path dir = Files.createTempDirectory("grading-test");
        SubmissionCompiler.Compiled compiled = SubmissionCompiler.compile(cells, exercise(id), dir);
        if (!compiled.ok()) {
            throw new AssertionError("does not compile: " + compiled.errors());
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {compiled.classDir().toUri().toURL()},
                Fixtures.class.getClassLoader());
        List<Class<?>> classes = new ArrayList<>();
        for (String name : compiled.classNames()) {
            classes.add(loader.loadClass(name));
        }
        return classes.toArray(Class<?>[]::new);
    }

    static CheckResult check(List<Notebook.Cell> cells, String id) throws Exception {
        return Check.quietly(exercise(id).testClass(), load(cells, id));
    }
}
