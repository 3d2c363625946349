package course.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.process.WorkerJvm;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SleeperTest {

    @AfterEach
    void noChildSurvives() {
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    void reportListsThePids() {
        assertEquals("sleeper 7 children [8, 9]", Sleeper.report(7, List.of(8L, 9L)));
        assertEquals("sleeper 7 children []", Sleeper.report(7, List.of()));
    }

    @Test
    void childrenAreDescendantsAndLeaveWhenInputEnds() throws Exception {
        try (var sleeper = WorkerJvm.start(Sleeper.class, "2")) {
            String line = sleeper.stdout().readLine();
            Set<Long> kids = pids(line);
            assertTrue(line.startsWith("sleeper " + sleeper.pid() + " children ["), line);
            assertEquals(2, kids.size(), line);
            Set<Long> children = sleeper.handle().children().map(ProcessHandle::pid).collect(Collectors.toSet());
            assertEquals(kids, children);
            Set<Long> ours = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
            assertTrue(ours.containsAll(kids) && ours.contains(sleeper.pid()), ours + " vs " + line);

            sleeper.stdin().close(); // end of input: the sleeper ends its children, then itself
            assertEquals(0, sleeper.waitFor(Duration.ofSeconds(30)));
            for (long kid : kids) {
                ProcessHandle.of(kid).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
                assertFalse(ProcessHandle.of(kid).map(ProcessHandle::isAlive).orElse(false), "child " + kid);
            }
        }
    }

    @Test
    void closingTheWorkerEndsTheWholeTree() throws Exception {
        Set<Long> kids;
        try (var sleeper = WorkerJvm.start(Sleeper.class, "1")) {
            kids = pids(sleeper.stdout().readLine());
            assertTrue(sleeper.isAlive());
        }
        for (long kid : kids) {
            assertFalse(ProcessHandle.of(kid).map(ProcessHandle::isAlive).orElse(false), "child " + kid);
        }
    }

    @Test
    void endsByItselfAfterItsTimeLimit() throws Exception {
        try (var sleeper = WorkerJvm.start(Sleeper.class, "0", "1")) {
            assertEquals("sleeper " + sleeper.pid() + " children []", sleeper.stdout().readLine());
            assertEquals(0, sleeper.waitFor(Duration.ofSeconds(30)));
        }
    }

    @Test
    void rejectsBadArguments() throws Exception {
        try (var sleeper = WorkerJvm.start(Sleeper.class, "many")) {
            assertEquals(2, sleeper.waitFor(Duration.ofSeconds(30)));
        }
    }

    private static Set<Long> pids(String line) {
        String inside = line.substring(line.indexOf('[') + 1, line.indexOf(']')).strip();
        return inside.isEmpty() ? Set.of()
                : Arrays.stream(inside.split(",\\s*")).map(Long::parseLong).collect(Collectors.toSet());
    }
}
