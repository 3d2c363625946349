package course.python;

import java.time.Duration;

/**
 * The result of running Python code: what it printed, how it ended, how long it took, and a plain
 * message. It never throws for a missing {@code python3} or a timeout; it says so in {@link #message()}.
 *
 * @param exitCode the process's exit code; -1 if it did not run or was stopped
 * @param stdout   what it printed on standard output
 * @param stderr   what it printed on standard error (a traceback, for example)
 * @param wall     wall-clock time from start to end (zero if it did not run)
 * @param message  a one-line summary, e.g. "python3 is not installed here; the Python comparison is skipped"
 * @param outcome  how it ended
 */
public record PythonRun(int exitCode, String stdout, String stderr, Duration wall, String message, Outcome outcome) {

    /** How a run ended. */
    public enum Outcome {
        /** The process ran and exited by itself (with any exit code). */
        COMPLETED,
        /** The process ran longer than its timeout and was killed, with its children. */
        TIMED_OUT,
        /** There is no Python executable to run. */
        NOT_INSTALLED
    }

    /** Whether Python ran and exited with code 0. */
    public boolean ok() {
        return outcome == Outcome.COMPLETED && exitCode == 0;
    }

    /** Whether the run was skipped because Python is not installed. */
    public boolean skipped() {
        return outcome == Outcome.NOT_INSTALLED;
    }

    /** Whether the run was stopped by its timeout. */
    public boolean timedOut() {
        return outcome == Outcome.TIMED_OUT;
    }

    /** The message, then the output (and standard error, if any). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(message);
        if (!stdout.isEmpty()) {
            text.append('\n').append(stdout.stripTrailing());
        }
        if (!stderr.isEmpty()) {
            text.append("\n[stderr]\n").append(stderr.stripTrailing());
        }
        return text.toString();
    }
}
