package course.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PythonTest {

    private static final Python MISSING = Python.of("python3-that-is-not-installed-anywhere");

    @Test
    void aMissingPythonIsReportedNotThrown() {
        assertFalse(MISSING.isAvailable());
        PythonRun run = MISSING.execute("print(1)", Duration.ofSeconds(5));
        assertTrue(run.skipped());
        assertFalse(run.ok());
        assertEquals(-1, run.exitCode());
        assertEquals("python3-that-is-not-installed-anywhere is not installed here; the Python comparison is skipped",
                run.message());
        assertEquals("python3 is not installed here; the Python comparison is skipped",
                Python.notInstalled(Python.DEFAULT_EXECUTABLE));
    }

    @Test
    void runsCodeAndCapturesOutput() {
        assumeTrue(Python.available(), "python3 is not installed here");
        PythonRun run = Python.run("""
                import sys
                print(sum(range(10)))
                print("oops", file=sys.stderr)
                """, Duration.ofSeconds(30));
        assertTrue(run.ok(), run.toString());
        assertEquals("45", run.stdout().strip());
        assertEquals("oops", run.stderr().strip());
        assertTrue(run.wall().toNanos() > 0);
    }

    @Test
    void reportsAFailingScript() {
        assumeTrue(Python.available(), "python3 is not installed here");
        PythonRun run = Python.run("raise ValueError('bad value')", Duration.ofSeconds(30));
        assertEquals(1, run.exitCode());
        assertFalse(run.ok());
        assertTrue(run.message().contains("ValueError: bad value"), run.message());
    }

    @Test
    void aTimeoutKillsThePythonAndItsChildren() {
        assumeTrue(Python.available(), "python3 is not installed here");
        PythonRun run = Python.run("""
                import subprocess, time
                subprocess.Popen(["sleep", "60"])
                print("started", flush=True)
                time.sleep(60)
                """, Duration.ofSeconds(2));
        assertTrue(run.timedOut(), run.toString());
        assertTrue(run.message().contains("stopped"), run.message());
        assertEquals("started", run.stdout().strip());
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Python.of(" "));
        assertThrows(IllegalArgumentException.class, () -> MISSING.execute("print(1)", Duration.ZERO));
    }
}
