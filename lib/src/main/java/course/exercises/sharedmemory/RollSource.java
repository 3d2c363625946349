package course.exercises.sharedmemory;

/**
 * Hands the grader a {@link TicketRoll} as Java source, because the worker JVMs that run it cannot
 * load a class defined in a notebook cell. The grader compiles the source (with
 * {@code import course.exercises.sharedmemory.*;} added) and loads the class in each worker.
 *
 * <pre>{@code
 * class MyRoll implements RollSource {
 *     public String java() {
 *         return """
 *             public class FileTicketRoll implements TicketRoll { ... }
 *             """;
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RollSource {

    /** The source of one public class implementing {@link TicketRoll}, with a public constructor {@code (Path file, long capacity)}. */
    String java();
}
