/**
 * Facts about the machine and the build that several parts of the library need, each kept in one place:
 * the lib's class path ({@link course.platform.LibClassPath}), the {@code java} launcher
 * ({@link course.platform.Jvm}), compiling Java source at run time ({@link course.platform.Javac}),
 * deleting a directory tree ({@link course.platform.Directories}) and escaping text for HTML
 * ({@link course.platform.Html}).
 *
 * <p>This package is the bottom layer: it uses the JDK only and no other {@code course} package, so
 * every other package may use it (see ARCHITECTURE.md and {@code ArchitectureTest}).
 */
package course.platform;
