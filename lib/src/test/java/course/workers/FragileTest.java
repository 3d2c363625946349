package course.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.process.ProcessPool;
import course.process.TaskFailedException;
import course.process.WorkerFailedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FragileTest {

    @AfterEach
    void noChildSurvives() {
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    void countsPrimesAndNamesItsProcess() throws Exception {
        assertEquals("pid " + ProcessHandle.current().pid() + ": 25", new Fragile().apply("100"));
    }

    @Test
    void throwsWhenAskedAndExplainsBadInput() {
        assertThrows(IllegalStateException.class, () -> new Fragile().apply("throw"));
        var e = assertThrows(IllegalArgumentException.class, () -> new Fragile().apply("explode"));
        assertTrue(e.getMessage().contains("\"exit N\""), e.getMessage());
    }

    @Test
    void everyKindOfWorkerDeathIsContainedAndThePoolGoesOn() throws Exception {
        var options = ProcessPool.Options.defaults().taskTimeout(Duration.ofSeconds(2))
                .jvmFlags(List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        try (var pool = ProcessPool.start(1, Fragile.class, options)) {
            long first = pool.pids().getFirst();
            assertTrue(failure(pool, "exit 3").reason().contains("exited with code 3"));
            assertTrue(failure(pool, "oom").reason().contains("OutOfMemoryError"));
            assertTrue(failure(pool, "hang").reason().contains("no answer"));
            assertEquals(3, pool.replacedWorkers());
            long now = pool.pids().getFirst();
            assertTrue(now != first, "a dead worker is replaced by a new process");
            var thrown = assertThrows(ExecutionException.class, () -> pool.submit("throw").get(30, TimeUnit.SECONDS));
            assertInstanceOf(TaskFailedException.class, thrown.getCause());
            assertEquals("pid " + now + ": 168", pool.submit("1000").get(30, TimeUnit.SECONDS));
            assertEquals(3, pool.replacedWorkers(), "an exception in the task does not cost the worker");
        }
    }

    private static WorkerFailedException failure(ProcessPool pool, String input) throws Exception {
        var e = assertThrows(ExecutionException.class, () -> pool.submit(input).get(30, TimeUnit.SECONDS));
        return assertInstanceOf(WorkerFailedException.class, e.getCause());
    }
}
