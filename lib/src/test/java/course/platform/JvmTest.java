package course.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JvmTest {

    @Test
    void javaExecutableRunsTheSameJavaVersionAsThisJvm() throws Exception {
        Path java = Jvm.javaExecutable();
        assertTrue(Files.isExecutable(java), java.toString());
        Process p = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String want = "java.specification.version = " + Runtime.version().feature();
        assertTrue(out.contains(want), "expected " + want + " from " + java + ", got:\n" + out);
        assertEquals(0, p.exitValue());
    }
}
