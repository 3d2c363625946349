package course.lesson05;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.process.WorkerJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FileCounterTest {

    @AfterEach
    void noChildSurvives() {
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    void resetReadAndIncrementInOneProcess(@TempDir Path dir) {
        Path file = dir.resolve("counter.bin");
        FileCounter.reset(file);
        assertEquals(0, FileCounter.read(file));
        FileCounter.increment(file, 1_000, false);
        FileCounter.increment(file, 1_000, true);
        assertEquals(2_000, FileCounter.read(file));
        FileCounter.reset(file);
        assertEquals(0, FileCounter.read(file));
    }

    @Test
    void threeProcessesWithTheLockLoseNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("counter.bin");
        FileCounter.reset(file);
        int times = 3_000;
        List<WorkerJvm> workers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                workers.add(WorkerJvm.start(FileCounter.class, file.toString(), Integer.toString(times), "locked"));
            }
            for (WorkerJvm w : workers) {
                assertEquals("READY", w.stdout().readLine(), w.stderrTail());
            }
            for (WorkerJvm w : workers) { // all start together: a barrier over the pipes
                w.stdin().println("GO");
            }
            for (WorkerJvm w : workers) {
                assertEquals("DONE " + times, w.stdout().readLine());
                assertEquals(0, w.waitFor(Duration.ofSeconds(60)));
            }
        } finally {
            workers.forEach(WorkerJvm::close);
        }
        assertEquals(3L * times, FileCounter.read(file));
    }

    @Test
    void aWorkerWhoseInputEndsDoesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("counter.bin");
        FileCounter.reset(file);
        try (var w = WorkerJvm.start(FileCounter.class, file.toString(), "10", "locked")) {
            assertEquals("READY", w.stdout().readLine());
            w.stdin().close();
            assertEquals(1, w.waitFor(Duration.ofSeconds(30)));
        }
        assertEquals(0, FileCounter.read(file));
    }

    @Test
    void rejectsBadArguments(@TempDir Path dir) throws Exception {
        try (var w = WorkerJvm.start(FileCounter.class, dir.resolve("c").toString(), "10", "sometimes")) {
            assertEquals(2, w.waitFor(Duration.ofSeconds(30)));
            w.close();
            assertTrue(w.stderrTail().contains("usage: FileCounter"), w.stderrTail());
        }
    }
}
