package course.lesson01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.platform.Jvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DaemonDemoTest {

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        String java = Jvm.javaExecutable().toString();
        var command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                DaemonDemo.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        try {
            // The outputs are tiny: reading stdout to the end, then stderr, cannot block on a full pipe.
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the child JVM did not exit");
            return new Run(p.exitValue(), out, err);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    @Timeout(30)
    void aUserThreadKeepsTheJvmAliveUntilItFinishes() throws Exception {
        Run r = run("user", "3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("tick 3"), r.out());
        assertTrue(r.out().contains("ticker: finished"), r.out());
    }

    @Test
    @Timeout(30)
    void aDaemonThreadDiesWhenMainReturns() throws Exception {
        Run r = run("daemon", "20");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("main: started ticker (daemon=true)"), r.out());
        assertFalse(r.out().contains("ticker: finished"), r.out());
        assertFalse(r.out().contains("tick 20"), r.out());
    }

    @Test
    @Timeout(30)
    void badArgumentsGetAMessageThatSaysWhatToDo() throws Exception {
        Run none = run();
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("user|daemon"), none.err());
        Run badTicks = run("user", "many");
        assertEquals(2, badTicks.exit());
        assertTrue(badTicks.err().contains("ticks must be a whole number"), badTicks.err());
    }
}
