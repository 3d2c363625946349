package course.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.platform.LibClassPath;
import course.process.tasks.PipeEcho;
import course.process.tasks.SharedCounter;
import course.process.testing.Spawner;
import course.testing.NoChildProcessLeft;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoChildProcessLeft.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerJvmTest {

    @Test
    void classpathHoldsTheLibrary() {
        String cp = WorkerJvm.classpath();
        Path lib = LibClassPath.location(WorkerJvm.class).orElseThrow();
        assertTrue(List.of(cp.split(File.pathSeparator)).contains(lib.toString()), cp);
        assertTrue(Files.isExecutable(WorkerJvm.javaExecutable()));
    }

    @Test
    void talksOverPipes() throws Exception {
        long start = System.nanoTime();
        try (var child = WorkerJvm.start(PipeEcho.class)) {
            child.stdin().println("hello, 进程");
            assertEquals("hello, 进程", child.stdout().readLine());
            System.out.printf("worker JVM start + first echo: %d ms%n", (System.nanoTime() - start) / 1_000_000);
            int n = 1_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                child.stdin().println(i);
                assertEquals(Integer.toString(i), child.stdout().readLine());
            }
            System.out.printf("pipe round trip: %.1f us%n", (System.nanoTime() - t0) / 1e3 / n);
            assertThrows(TimeoutException.class, () -> child.waitFor(Duration.ofMillis(50)));
            child.stdin().close();
            assertEquals(0, child.waitFor(Duration.ofSeconds(10)));
        }
    }

    @Test
    void closeKillsTheWholeTree() throws Exception {
        var child = WorkerJvm.start(Spawner.class);
        long grandchild = Long.parseLong(child.stdout().readLine().strip());
        ProcessHandle handle = ProcessHandle.of(grandchild).orElseThrow();
        assertTrue(handle.isAlive());
        assertTrue(child.handle().descendants().anyMatch(p -> p.pid() == grandchild));
        child.close();
        assertFalse(child.isAlive());
        assertFalse(handle.isAlive());
        child.close(); // idempotent
    }

    @Test
    void rejectsAClassWithoutAClassFile() throws Exception {
        // like a class a notebook cell defines: loaded from bytes in memory, no class file a child could read
        byte[] bytes = Files.readAllBytes(classFile(Holder.class));
        Class<?> inMemory = new ClassLoader(null) {
            Class<?> define() {
                return defineClass(Holder.class.getName(), bytes, 0, bytes.length);
            }
        }.define();
        var e = assertThrows(IllegalArgumentException.class, () -> WorkerJvm.start(inMemory));
        assertTrue(e.getMessage().contains("ProcessPool.fromSource"), e.getMessage());
    }

    public static final class Holder {
    }

    private static Path classFile(Class<?> type) {
        Path root = LibClassPath.location(type).orElseThrow();
        return root.resolve(type.getName().replace('.', '/') + ".class");
    }

    @Test
    void sharedCounterIsExactWhenAtomic(@TempDir Path dir) throws Exception {
        long times = 1_000_000;
        for (String mode : List.of("atomic", "racy")) {
            Path file = dir.resolve(mode + ".bin");
            SharedCounter.reset(file);
            try (var a = WorkerJvm.start(SharedCounter.class, file.toString(), Long.toString(times), mode, "2");
                 var b = WorkerJvm.start(SharedCounter.class, file.toString(), Long.toString(times), mode, "2")) {
                assertEquals(0, a.waitFor(Duration.ofSeconds(30)), a.stderrTail());
                assertEquals(0, b.waitFor(Duration.ofSeconds(30)), b.stderrTail());
            }
            long total = SharedCounter.read(file);
            System.out.printf("shared counter, 2 processes x %d, %s: %d%n", times, mode, total);
            if (mode.equals("atomic")) {
                assertEquals(2 * times, total);
            } else {
                assertTrue(total >= 1 && total <= 2 * times, "racy total " + total); // lost updates: likely, not certain
            }
        }
    }
}
