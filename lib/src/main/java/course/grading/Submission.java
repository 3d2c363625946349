package course.grading;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The student's classes under test: graded tests ask it for an implementation of a contract
 * ({@code Submission.create(Counter.class)}) and never name the student's class.
 *
 * <p>In a notebook, {@link Check#run} hands the classes over for the duration of one check. In
 * batch grading the child JVM finds them through the system property {@value #CLASSES_PROPERTY}
 * (comma-separated binary names on its class path).
 */
public final class Submission {

    /** System property naming the submission's classes in a batch-grading JVM. */
    public static final String CLASSES_PROPERTY = "course.submission.classes";

    /**
     * System property: where the submission's class files are (directories, separated like a class
     * path). They are loaded by a class loader of their own on top of the application class path, so
     * the class path of every grading JVM is the same and its AOT cache applies.
     */
    public static final String PATH_PROPERTY = "course.submission.path";

    // Set only while Check.run runs one exercise's tests, cleared in its finally block.
    private static final AtomicReference<List<Class<?>>> CURRENT = new AtomicReference<>();

    // The objects Submission.create made in the current test: Deadlocks names their locks by field name.
    private static final List<Object> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Submission() {
    }

    /** The student's objects made by {@link #create} since the current test started. */
    public static List<Object> created() {
        return List.copyOf(CREATED);
    }

    static void forgetCreated() {
        CREATED.clear();
    }

    static void install(List<Class<?>> classes) {
        CURRENT.set(List.copyOf(classes));
    }

    static void clear() {
        CURRENT.set(null);
    }

    /** The classes of the submission under test. */
    public static List<Class<?>> classes() {
        List<Class<?>> current = CURRENT.get();
        if (current != null) {
            return current;
        }
        String names = System.getProperty(CLASSES_PROPERTY, "");
        List<Class<?>> loaded = new ArrayList<>();
        ClassLoader loader = PathLoader.LOADER != null ? PathLoader.LOADER
                : Optional.ofNullable(Thread.currentThread().getContextClassLoader()).orElse(Submission.class.getClassLoader());
        for (String name : names.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                loaded.add(Class.forName(name.strip(), false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AssertionError("could not load your class " + name + ": " + e, e);
            }
        }
        return loaded;
    }

    /** The loader of {@value #PATH_PROPERTY}, made once per grading JVM (null when the property is not set). */
    private static final class PathLoader {
        static final ClassLoader LOADER = create();

        private static ClassLoader create() {
            String path = System.getProperty(PATH_PROPERTY, "");
            if (path.isBlank()) {
                return null;
            }
            List<java.net.URL> urls = new ArrayList<>();
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    try {
                        urls.add(java.nio.file.Path.of(entry).toUri().toURL());
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalArgumentException("bad entry in " + PATH_PROPERTY + ": " + entry, e);
                    }
                }
            }
            return new java.net.URLClassLoader("submission", urls.toArray(java.net.URL[]::new), Submission.class.getClassLoader());
        }
    }

    /** The student's class implementing {@code contract}; fails with a plain message if there is none. */
    public static <T> Class<? extends T> implementation(Class<T> contract) {
        List<Class<?>> candidates = classes().stream()
                .filter(contract::isAssignableFrom)
                .filter(c -> !c.isInterface() && !Modifier.isAbstract(c.getModifiers()))
                .toList();
        if (candidates.isEmpty()) {
            throw new AssertionError("no class implements " + contract.getSimpleName()
                    + ": keep the class from the starter cell (… implements " + contract.getSimpleName() + ")");
        }
        return candidates.getFirst().asSubclass(contract);
    }

    /**
     * A new instance of the student's class implementing {@code contract}, built by the constructor
     * whose parameter count matches {@code args}. A constructor that throws fails the test with
     * a message naming the class (an unfinished one, throwing {@code UnsupportedOperationException("TODO")},
     * is passed through so the test reads "not implemented yet").
     */
    public static <T> T create(Class<T> contract, Object... args) {
        Class<? extends T> type = implementation(contract);
        Constructor<?> constructor = Arrays.stream(type.getDeclaredConstructors())
                .filter(c -> c.getParameterCount() == args.length)
                .findFirst()
                .orElseThrow(() -> new AssertionError(type.getSimpleName() + " needs a constructor with "
                        + args.length + " parameter(s), like the starter's"));
        try {
            constructor.setAccessible(true);
            T made = contract.cast(constructor.newInstance(args));
            if (CREATED.size() < 1_000) {
                CREATED.add(made);
            }
            return made;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (Feedback.isTodo(cause)) {
                throw (UnsupportedOperationException) cause;
            }
            throw new AssertionError("the constructor of " + type.getSimpleName() + " threw "
                    + Feedback.describe(cause), cause);
        } catch (ExceptionInInitializerError e) {
            throw new AssertionError("the static initializer of " + type.getSimpleName() + " threw "
                    + Feedback.describe(e.getCause()), e);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new AssertionError("could not create " + type.getSimpleName() + ": " + e, e);
        }
    }
}
