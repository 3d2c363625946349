package course.exercises.processes;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Counts the words of text files in worker processes. A word is a maximal run of letters
 * ({@link Character#isLetter(char)}), compared lowercased ({@code toLowerCase(Locale.ROOT)}):
 * {@code "Don't stop, DON'T!"} has the words don (2), t (2) and stop (1).
 */
public interface WordCounter {
    /**
     * Splits {@code files} into at most {@code workers} groups, has each group counted by its own
     * worker process (a {@code ProcessPool} running a {@code WorkerTask} of yours), merges the
     * workers' counts in this JVM and returns them. Every worker process has ended when it returns.
     */
    Map<String, Long> count(List<Path> files, int workers) throws Exception;
}
