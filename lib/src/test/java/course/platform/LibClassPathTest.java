package course.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibClassPathTest {

    @Test
    void parseResolvesEntriesAgainstTheBuildDirectory() {
        Path base = Path.of("/x/lib/target");
        assertEquals(List.of(Path.of("/x/lib/target/dependency/a.jar"), Path.of("/x/lib/target/dependency/b-1.0.jar")),
                LibClassPath.parse("dependency/a.jar:dependency/b-1.0.jar\n", base));
        assertEquals(List.of(), LibClassPath.parse("\n", base));
    }

    @Test
    void entriesStartWithLibAndListTheJarsTheBuildWrote() {
        List<Path> entries = LibClassPath.entries();
        Path lib = LibClassPath.libLocation();
        assertEquals(lib, entries.getFirst());
        assertTrue(Files.exists(lib), lib.toString());
        Path written = lib.getParent().resolve(LibClassPath.FILE_NAME);
        assertTrue(Files.isRegularFile(written), "the build writes " + written + " before the tests run");
        for (Path p : entries) {
            assertTrue(Files.exists(p), "missing class-path entry " + p);
        }
        assertTrue(entries.stream().anyMatch(p -> p.getFileName().toString().startsWith("tablesaw-core")),
                "lib's dependencies are listed: " + entries);
        assertEquals(entries.size(), LibClassPath.string().split(File.pathSeparator).length);
    }

    @Test
    void aChildJvmOnThatClassPathLoadsLibAndItsDependencies() throws Exception {
        // the class path is only right if another JVM can load a lib class that needs a dependency
        String cp = LibClassPath.string() + File.pathSeparator + LibClassPath.location(Probe.class).orElseThrow();
        Process p = new ProcessBuilder(Jvm.javaExecutable().toString(), "-cp", cp,
                "course.platform.LibClassPathTest$Probe").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("ok tech.tablesaw.api.Table", out.lines().reduce((a, b) -> b).orElse(""), out);
    }

    /** Run in the child: loads one of lib's dependencies by name. */
    static final class Probe {
        public static void main(String[] args) throws Exception {
            System.out.println("ok " + Class.forName("tech.tablesaw.api.Table").getName());
        }
    }
}
