package course.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.process.WorkerJvm;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HelloTest {

    @AfterEach
    void noChildSurvives() {
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    void greetingNamesTheProcessAndItsParent() {
        ProcessHandle self = ProcessHandle.current();
        String parent = self.parent().map(p -> Long.toString(p.pid())).orElse("unknown");
        assertEquals("hello from process " + self.pid() + " (parent " + parent + "), exit code 7",
                Hello.greeting(self, 7));
    }

    @Test
    void childReportsItsOwnPidAndExitsWithTheCodeAsked() throws Exception {
        try (var child = WorkerJvm.start(Hello.class, "3")) {
            String line = child.stdout().readLine();
            assertEquals(3, child.waitFor(Duration.ofSeconds(30)));
            assertEquals("hello from process " + child.pid() + " (parent " + ProcessHandle.current().pid()
                    + "), exit code 3", line);
        }
    }

    @Test
    void badArgumentExitsWithUsage() throws Exception {
        try (var child = WorkerJvm.start(Hello.class, "three")) {
            assertEquals(2, child.waitFor(Duration.ofSeconds(30)));
            child.close();
            assertTrue(child.stderrTail().contains("usage: Hello"), child.stderrTail());
        }
    }
}
