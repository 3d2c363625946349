package course.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.process.ProcessPool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WhoAmITest {

    private static final Pattern REPLY = Pattern.compile("input (\\S+): pid (\\d+), call (\\d+)");

    @AfterEach
    void noChildSurvives() {
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    void countsItsOwnCalls() {
        var task = new WhoAmI();
        long pid = ProcessHandle.current().pid();
        assertEquals("input a: pid " + pid + ", call 1", task.apply("a"));
        assertEquals("input b: pid " + pid + ", call 2", task.apply(" b "));
        assertEquals("input c: pid " + pid + ", call 1", new WhoAmI().apply("c"));
    }

    @Test
    void eachWorkerKeepsItsOwnCount() {
        List<String> inputs = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        try (var pool = ProcessPool.start(2, WhoAmI.class)) {
            List<String> replies = pool.map(inputs);
            Map<Long, Integer> lastCall = new HashMap<>();
            for (int i = 0; i < replies.size(); i++) {
                var m = REPLY.matcher(replies.get(i));
                assertTrue(m.matches(), replies.get(i));
                assertEquals(inputs.get(i), m.group(1));
                long pid = Long.parseLong(m.group(2));
                assertTrue(pool.pids().contains(pid), pid + " not in " + pool.pids());
                lastCall.merge(pid, Integer.parseInt(m.group(3)), Math::max);
            }
            // each worker counted only its own calls: the counts add up to the number of inputs
            assertEquals(inputs.size(), lastCall.values().stream().mapToInt(Integer::intValue).sum());
        }
    }
}
