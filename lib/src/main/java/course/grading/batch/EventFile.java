package course.grading.batch;

import course.grading.EventLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;

/**
 * What a test JVM's {@link EventLog} file says: the tests that finished and how, the test running
 * when the JVM stopped, whether it was told to exit (and by which student frame), whether the plan ran
 * to its end.
 *
 * @param finished   finished tests by method name
 * @param running    the test started but not finished, if any
 * @param exitCaller where System.exit was called from ("" if unknown), when an exit event was logged
 * @param done       whether JUnit finished the whole plan
 */
record EventFile(Map<String, EventLog.Result> finished, Optional<String> running, Optional<String> exitCaller, boolean done) {

    private enum Column { EVENT, TEST, STATUS, MESSAGE }

    /** Reads the log; a missing file is an empty log (the JVM died before the first test). */
    static EventFile read(Path file) throws IOException {
        Map<String, EventLog.Result> finished = new LinkedHashMap<>();
        String running = null;
        String exitCaller = null;
        boolean done = false;
        List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length != Column.values().length) {
                continue;  // a line cut short when the JVM died mid-write
            }
            String test = f[Column.TEST.ordinal()];
            switch (f[Column.EVENT.ordinal()]) {
                case "started" -> running = test;
                case "finished" -> {
                    running = null;
                    finished.put(test, new EventLog.Result(TestExecutionResult.Status.valueOf(f[Column.STATUS.ordinal()]),
                            f[Column.MESSAGE.ordinal()]));
                }
                case "exit" -> exitCaller = f[Column.MESSAGE.ordinal()];
                case "done" -> done = true;
                default -> { }
            }
        }
        return new EventFile(finished, Optional.ofNullable(running), Optional.ofNullable(exitCaller), done);
    }

    /** True if the JVM ran every selected test to its end. */
    boolean complete() {
        return done && running.isEmpty();
    }
}
