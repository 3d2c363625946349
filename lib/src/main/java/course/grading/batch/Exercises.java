package course.grading.batch;

import course.grading.Graded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The graded exercises, found by their test classes: every class under {@value #PACKAGE} annotated
 * {@link Graded} is one exercise, its id the annotation's value (the notebook's file stem), its
 * title the first heading of the instructor notebook. In course order (ids start with the lesson number).
 */
public final class Exercises {

    /** The package tree scanned for {@link Graded} test classes. */
    public static final String PACKAGE = "course.exercises";

    /**
     * One exercise.
     *
     * @param id        the notebook's name without extension, e.g. {@code "01-threads"}
     * @param testClass the graded test class
     */
    public record Exercise(String id, Class<?> testClass) {

        /** The package of the contract, imported into compiled submissions. */
        public String contractPackage() {
            return testClass.getPackageName();
        }

        /** The first heading of the instructor notebook ("Exercise 01: ..."), or the id when there is none. */
        public String title() {
            Path nb = GraderCache.instructorDirectory().resolve(id + ".ipynb");
            try {
                return Notebook.read(nb).cells().stream().filter(c -> c.type().equals("markdown"))
                        .flatMap(c -> c.source().lines()).filter(l -> l.startsWith("# ")).findFirst()
                        .map(l -> l.substring(2).strip()).orElse(id);
            } catch (IOException e) {
                return id;
            }
        }
    }

    private static volatile List<Exercise> all;

    private Exercises() {
    }

    /** All exercises in course order. */
    public static List<Exercise> all() {
        List<Exercise> found = all;
        if (found == null) {
            found = scan();
            all = found;
        }
        return found;
    }

    /** The exercise with this id, if any. */
    public static Optional<Exercise> byId(String id) {
        return all().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The exercise a notebook file name refers to ("01-threads.ipynb", "alice-01-threads.ipynb"). */
    public static Optional<Exercise> forFileName(String fileName) {
        return all().stream().filter(e -> fileName.contains(e.id())).findFirst()
                .or(() -> all().stream().filter(e -> fileName.startsWith(e.id().substring(0, 3))).findFirst());
    }

    private static List<Exercise> scan() {
        Path location = SubmissionCompiler.libLocation();
        List<Exercise> found = new ArrayList<>();
        try {
            if (Files.isDirectory(location)) {
                collect(location, found);
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(location)) {
                    collect(jar.getPath("/"), found);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the exercises' test classes in " + location, e);
        }
        found.sort(Comparator.comparing(Exercise::id));
        return List.copyOf(found);
    }

    private static void collect(Path root, List<Exercise> found) throws IOException {
        Path dir = root.resolve(PACKAGE.replace('.', '/'));
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$")).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                try {
                    Class<?> c = Class.forName(name, false, Exercises.class.getClassLoader());
                    Graded g = c.getAnnotation(Graded.class);
                    if (g != null) {
                        found.add(new Exercise(g.value(), c));
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not loadable here: not an exercise this grader can run
                }
            }
        }
    }

}
