package course.exercises;

import java.util.List;
import java.util.Optional;

/**
 * The graded exercises, in course order: the id (also the notebook's file name), the title and
 * the JUnit test class that grades it. Its package holds the contract the student implements.
 */
public final class Catalog {

    /**
     * One exercise.
     *
     * @param id        the notebook's name without extension, e.g. {@code "01-threads"}
     * @param title     what it is about
     * @param testClass the graded test class
     */
    public record Exercise(String id, String title, Class<?> testClass) {

        /** The package of the contract, imported into compiled submissions. */
        public String contractPackage() {
            return testClass.getPackageName();
        }
    }

    private static final List<Exercise> ALL = List.of(
            new Exercise("01-threads", "Threads: a safe counter and a parallel sum", course.exercises.threads.ThreadsTests.class),
            new Exercise("02-bank", "Deadlock: safe transfers", course.exercises.bank.BankTests.class),
            new Exercise("05-pools", "Pools: an ordered, fail-fast map", course.exercises.pools.PoolsTests.class),
            new Exercise("07-bounded-buffer", "Producer-consumer: a bounded buffer", course.exercises.buffer.BufferTests.class),
            new Exercise("09-processes", "Processes: word counts in worker JVMs", course.exercises.processes.ProcessesTests.class),
            new Exercise("11-async", "Async: bounded concurrent HTTP fetches", course.exercises.async.AsyncTests.class),
            new Exercise("13-virtual-threads", "Virtual threads: many blocking tasks, at most K at once",
                    course.exercises.vthreads.VirtualThreadsTests.class));

    private Catalog() {
    }

    /** All exercises in course order. */
    public static List<Exercise> all() {
        return ALL;
    }

    /** The exercise with this id, if any. */
    public static Optional<Exercise> byId(String id) {
        return ALL.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The exercise a notebook file name refers to ("01-threads.ipynb", "alice-01-threads.ipynb"). */
    public static Optional<Exercise> forFileName(String fileName) {
        return ALL.stream().filter(e -> fileName.contains(e.id())).findFirst()
                .or(() -> ALL.stream().filter(e -> fileName.startsWith(e.id().substring(0, 3))).findFirst());
    }
}
