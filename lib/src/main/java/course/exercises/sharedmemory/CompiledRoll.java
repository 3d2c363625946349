package course.exercises.sharedmemory;

import course.platform.Directories;
import course.platform.Javac;
import course.platform.LibClassPath;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The student's {@link TicketRoll} source, compiled into a directory of its own that worker JVMs
 * load it from (and the grader's JVM too, for the one-process tests).
 *
 * @param dir       the directory holding {@code classes/}
 * @param className the public class the source declares
 */
record CompiledRoll(Path dir, String className) {

    private static final Pattern PUBLIC_CLASS = Pattern.compile(
            "(?m)^\\s*public\\s+(?:final\\s+)?(?:class|record)\\s+([A-Za-z_$][A-Za-z0-9_$]*)");
    static final String IMPORT = "import course.exercises.sharedmemory.*; ";

    /** Compiles {@code source}; an AssertionError with the compiler's words if it does not compile. */
    static CompiledRoll compile(String source) throws IOException {
        if (source == null || source.isBlank()) {
            throw new AssertionError("java() returned no source: return the text block with your TicketRoll class");
        }
        Matcher m = PUBLIC_CLASS.matcher(source);
        if (!m.find()) {
            throw new AssertionError("the source has no 'public class Name implements TicketRoll': the worker JVMs"
                    + " need a public class to load");
        }
        String name = m.group(1);
        if (Pattern.compile("(?m)^\\s*package\\s").matcher(source).find()) {
            throw new AssertionError("declare no package in the source: the grader compiles " + name + " in the default package");
        }
        if (!Javac.available()) {
            throw new IllegalStateException("no Java compiler in this JVM (a JRE, not a JDK?): run the course with a JDK 25");
        }
        Path dir = Files.createTempDirectory("ticket-roll-");
        Path file = dir.resolve("src").resolve(name + ".java");
        Files.createDirectories(file.getParent());
        // on the first line, so the compiler's line numbers are the text block's
        Files.writeString(file, IMPORT + source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Javac.Result result = Javac.compile(List.of(file), classes, LibClassPath.libLocation().toString(), List.of());
        if (!result.ok()) {
            Directories.deleteTree(dir);
            StringBuilder why = new StringBuilder("your TicketRoll source does not compile:");
            List<String> lines = source.lines().toList();
            for (Javac.Error e : result.errors().stream().limit(3).toList()) {
                why.append(" line ").append(e.line()).append(": ").append(e.message().lines().findFirst().orElse(""));
                if (e.line() >= 1 && e.line() <= lines.size()) {
                    why.append(" [").append(lines.get((int) e.line() - 1).strip()).append("]");
                }
                why.append(';');
            }
            throw new AssertionError(why.toString());
        }
        CompiledRoll roll = new CompiledRoll(dir, name);
        try {
            roll.constructor(roll.loader());
        } catch (AssertionError e) {
            Directories.deleteTree(dir);
            throw e;
        }
        return roll;
    }

    Path classes() {
        return dir.resolve("classes");
    }

    /** A loader for the class on top of the one that loaded the contract. */
    URLClassLoader loader() throws IOException {
        return new URLClassLoader("ticket-roll", new URL[] {classes().toUri().toURL()}, TicketRoll.class.getClassLoader());
    }

    /** The {@code (Path, long)} constructor; an AssertionError saying what is missing. */
    Constructor<? extends TicketRoll> constructor(ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AssertionError("could not load " + className + ": " + e);
        }
        if (!TicketRoll.class.isAssignableFrom(type)) {
            throw new AssertionError(className + " does not implement TicketRoll: declare it as 'public class "
                    + className + " implements TicketRoll'");
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new AssertionError(className + " is abstract: the workers must be able to create one");
        }
        try {
            return type.asSubclass(TicketRoll.class).getConstructor(Path.class, long.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(className + " needs a public constructor " + className + "(Path file, long capacity)");
        }
    }

    /** Creates a roll in this JVM; the constructor's own exception is thrown as it is. */
    static TicketRoll create(Constructor<? extends TicketRoll> constructor, Path file, long capacity) throws Exception {
        try {
            return constructor.newInstance(file, capacity);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    void delete() {
        Directories.deleteTree(dir);
    }
}
