package course.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.process.tasks.CountPrimes;
import course.process.tasks.Echo;
import course.process.tasks.WordCount;
import course.process.testing.Misbehave;
import course.process.testing.NoDefaultConstructor;
import course.workload.Cpu;
import course.testing.NoChildProcessLeft;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildProcessLeft.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ProcessPoolTest {

    @Test
    void mapKeepsInputOrder() {
        List<String> inputs = IntStream.range(0, 40).mapToObj(i -> (i * 5_000) + " " + ((i + 1) * 5_000)).toList();
        try (var pool = ProcessPool.start(2, CountPrimes.class)) {
            assertEquals(2, pool.size());
            List<String> counts = pool.map(inputs);
            for (int i = 0; i < inputs.size(); i++) {
                assertEquals(Long.toString(Cpu.countPrimes(i * 5_000L, (i + 1) * 5_000L)), counts.get(i), inputs.get(i));
            }
            assertEquals("25", pool.submit("100").join());
        }
    }

    @Test
    void anyTextRoundTrips() {
        List<String> inputs = List.of("", "a\nb", "back\\slash\\n", "\r\n", "tab\there", "汉字 and émoji 🙂", "  spaces  ");
        try (var pool = ProcessPool.start(2, Echo.class)) {
            assertEquals(inputs, pool.map(inputs));
            long t0 = System.nanoTime();
            List<String> many = IntStream.range(0, 2_000).mapToObj(Integer::toString).toList();
            assertEquals(many, pool.map(many));
            System.out.printf("pool of 2, Echo: %.0f tasks/s%n", many.size() / ((System.nanoTime() - t0) / 1e9));
        }
        try (var pool = ProcessPool.start(1, WordCount.class)) {
            assertEquals(List.of("4", "0", "2"), pool.map(List.of("to be or not", "   ", "a\nb")));
        }
    }

    @Test
    void aCrashFailsOnlyItsInputAndTheWorkerIsReplaced() throws Exception {
        try (var pool = ProcessPool.start(2, Misbehave.class)) {
            List<Long> before = pool.pids();
            CompletableFuture<String> crash = pool.submit("exit");
            ExecutionException e = assertThrows(ExecutionException.class, () -> crash.get(30, TimeUnit.SECONDS));
            WorkerFailedException failure = assertInstanceOf(WorkerFailedException.class, e.getCause());
            assertEquals("exit", failure.input());
            assertTrue(before.contains(failure.pid()));
            assertTrue(failure.reason().contains("exited with code 7"), failure.reason());
            assertTrue(failure.getMessage().contains("pid " + failure.pid()), failure.getMessage());
            assertEquals(List.of("A", "B", "C", "D"), pool.map(List.of("a", "b", "c", "d")));
            assertEquals(1, pool.replacedWorkers());
            assertNotEquals(before, pool.pids());
            assertFalse(ProcessHandle.of(failure.pid()).map(ProcessHandle::isAlive).orElse(false));
        }
    }

    @Test
    void outOfMemoryIsReported() {
        try (var pool = ProcessPool.start(1, Misbehave.class)) {
            var failure = assertThrows(WorkerFailedException.class, () -> pool.map(List.of("x", "oom", "y")));
            assertEquals("oom", failure.input());
            assertTrue(failure.reason().contains("OutOfMemoryError"), failure.reason());
            assertEquals(List.of("Z"), pool.map(List.of("z")));
        }
    }

    @Test
    void aHangTimesOutAndThePoolGoesOn() {
        var options = ProcessPool.Options.defaults().taskTimeout(Duration.ofSeconds(2));
        try (var pool = ProcessPool.start(2, Misbehave.class, options)) {
            CompletableFuture<String> hang = pool.submit("hang");
            List<String> others = pool.map(List.of("p", "q", "r"));
            assertEquals(List.of("P", "Q", "R"), others);
            var e = assertThrows(java.util.concurrent.CompletionException.class, hang::join);
            WorkerFailedException failure = assertInstanceOf(WorkerFailedException.class, e.getCause());
            assertTrue(failure.reason().contains("timeout"), failure.reason());
            assertEquals("hang", failure.input());
            assertEquals(List.of("S"), pool.map(List.of("s")));
            assertEquals(1, pool.replacedWorkers());
        }
    }

    @Test
    void aThrowingTaskFailsItsInputButTheWorkerStays() {
        try (var pool = ProcessPool.start(1, Misbehave.class)) {
            long pid = pool.pids().getFirst();
            var failure = assertThrows(TaskFailedException.class, () -> pool.map(List.of("a", "throw")));
            assertTrue(failure.getMessage().contains("asked to throw"), failure.getMessage());
            assertEquals("throw", failure.input());
            assertEquals(pid, failure.pid());
            assertEquals(List.of("PRINT"), pool.map(List.of("print")));
            assertEquals(List.of(pid), pool.pids());
            assertEquals(0, pool.replacedWorkers());
        }
    }

    @Test
    void fromSourceCompilesAndRuns() {
        String source = """
                public class Square implements WorkerTask {
                    public String apply(String input) {
                        long n = Long.parseLong(input.strip());
                        return Long.toString(n * n);
                    }
                }
                """;
        try (var pool = ProcessPool.fromSource(2, "Square", source)) {
            assertEquals(List.of("1", "4", "9", "1000000"), pool.map(List.of("1", "2", "3", "1000")));
        }
    }

    @Test
    void fromSourceReportsCompileErrorsWithLineNumbers() {
        String source = """
                public class Broken implements WorkerTask {
                    public String apply(String input) {
                        return input.length()
                    }
                }
                """;
        var e = assertThrows(IllegalArgumentException.class, () -> ProcessPool.fromSource(1, "Broken", source));
        assertTrue(e.getMessage().contains("compiling Broken failed"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("return input.length()"), e.getMessage());
        var notATask = assertThrows(IllegalArgumentException.class,
                () -> ProcessPool.fromSource(1, "Plain", "public class Plain { }"));
        assertTrue(notATask.getMessage().contains("does not implement WorkerTask"), notATask.getMessage());
        var wrongName = assertThrows(IllegalArgumentException.class,
                () -> ProcessPool.fromSource(1, "Other", "public class Square { }"));
        assertTrue(wrongName.getMessage().contains("className"), wrongName.getMessage());
    }

    @Test
    void aTaskWithoutNoArgConstructorIsRejectedClearly() {
        var e = assertThrows(IllegalArgumentException.class, () -> ProcessPool.start(1, NoDefaultConstructor.class));
        assertTrue(e.getMessage().contains("no-argument constructor"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProcessPool.start(0, Echo.class));
    }

    @Test
    void closeLeavesNoChildAndCancelsWaitingInputs() {
        var options = ProcessPool.Options.defaults().taskTimeout(Duration.ofSeconds(60));
        var pool = ProcessPool.start(2, Misbehave.class, options);
        List<Long> pids = pool.pids();
        List<CompletableFuture<String>> hung = List.of(pool.submit("hang"), pool.submit("hang"), pool.submit("later"));
        long start = System.nanoTime();
        pool.close();
        System.out.printf("pool close with 2 busy workers: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        for (CompletableFuture<String> f : hung) {
            assertThrows(CancellationException.class, f::join);
        }
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid);
        }
        assertThrows(IllegalStateException.class, () -> pool.submit("x"));
        pool.close(); // idempotent
    }
}
