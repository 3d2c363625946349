package course.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The library's run-time class path: lib's own classes and the jars they need, as the build wrote them.
 *
 * <p>The build (Maven's {@code dependency:build-classpath}, see {@code lib/pom.xml}) writes the run-time
 * dependencies once, to {@code lib/target/classpath.txt}, as paths relative to {@code lib/target}
 * separated by {@code :}. This class is the one Java reader of that file; {@code coursekit.paths.lib_classpath}
 * is the one Python reader. Child JVMs, the grader and run-time compilation all take their class path
 * from here.
 */
public final class LibClassPath {

    /** The file the build writes, in lib's build directory. */
    public static final String FILE_NAME = "classpath.txt";

    private LibClassPath() {
    }

    /** Where lib's classes are: {@code lib/target/course-lib.jar}, or {@code lib/target/classes} in lib's own tests. */
    public static Path libLocation() {
        return location(LibClassPath.class).orElseThrow(() -> new IllegalStateException(
                "the course library was not loaded from a jar or a directory; run it from lib/target (./course setup builds it)"));
    }

    /**
     * The run-time dependencies the build listed in {@value #FILE_NAME} next to {@link #libLocation()}; when
     * that file is missing (lib not built with Maven), the entries of this JVM's {@code java.class.path}.
     */
    public static List<Path> dependencies() {
        Path file = libLocation().getParent().resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return javaClassPath();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": rebuild lib (./course setup)", e);
        }
    }

    /**
     * lib's classes followed by its dependencies, without repeats; when lib was not loaded from a file,
     * this JVM's {@code java.class.path}.
     */
    public static List<Path> entries() {
        if (location(LibClassPath.class).isEmpty()) {
            return javaClassPath();
        }
        List<Path> entries = new ArrayList<>();
        entries.add(libLocation());
        for (Path p : dependencies()) {
            if (!entries.contains(p)) {
                entries.add(p);
            }
        }
        return entries;
    }

    private static List<Path> javaClassPath() {
        return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    /** {@link #entries()} joined with the platform's path separator, ready for {@code -cp}. */
    public static String string() {
        return join(entries());
    }

    /** Paths joined with the platform's path separator. */
    public static String join(List<Path> entries) {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    /** The entries of a class-path file's text ({@code :}-separated, relative to {@code base}), as absolute paths. */
    static List<Path> parse(String text, Path base) {
        return Arrays.stream(text.strip().split(":"))
                .map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> base.resolve(s).toAbsolutePath().normalize())
                .toList();
    }

    /** The jar or directory a class was loaded from, if it came from a file. */
    public static Optional<Path> location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null || !"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(url.toURI()).toAbsolutePath();
            return Files.exists(path) ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
