package course.process.tasks;

import course.process.WorkerTask;

/** Counts the words (runs of non-blank characters) in its input: {@code "to be or not"} gives {@code "4"}. */
public final class WordCount implements WorkerTask {

    /** Creates the task (the worker does this once). */
    public WordCount() {
    }

    @Override
    public String apply(String input) {
        String text = input.strip();
        return Integer.toString(text.isEmpty() ? 0 : text.split("\\s+").length);
    }
}
