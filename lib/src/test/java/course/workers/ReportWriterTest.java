package course.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReportWriterTest {

    @Test
    void writesNumberedLinesThenEnd(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.txt");
        ReportWriter.write(file, 3, 0, false);
        assertEquals(List.of("line 1 of 3", "line 2 of 3", "line 3 of 3", "END"), Files.readAllLines(file));
        assertTrue(ReportWriter.complete(Files.readString(file)));
    }

    @Test
    void completeNeedsTheEndLine() {
        assertFalse(ReportWriter.complete(""));
        assertFalse(ReportWriter.complete("line 1 of 2\n"));
        assertFalse(ReportWriter.complete("line 1 of 2\nENDING\n"));
        assertTrue(ReportWriter.complete("END\n"));
        assertTrue(ReportWriter.complete("line 1 of 1\nEND\n"));
    }

    @Test
    void renameLeavesNoPartFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.txt");
        ReportWriter.write(file, 2, 0, true);
        assertTrue(ReportWriter.complete(Files.readString(file)));
        assertEquals(List.of(file), list(dir));
    }

    @Test
    void aReaderSeesHalfAReportWrittenInPlaceButNeverWithRename(@TempDir Path dir) throws Exception {
        assertTrue(partsSeen(dir.resolve("direct.txt"), false) > 0, "a reader polling during a slow in-place write sees partial reports");
        assertEquals(0, partsSeen(dir.resolve("renamed.txt"), true), "with write-then-rename the file is whole or absent");
    }

    @Test
    void rejectsNegativeSizes(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> ReportWriter.write(dir.resolve("x"), -1, 0, false));
    }

    /** Polls {@code file} while it is written slowly; returns how many reads saw an incomplete report. */
    private static int partsSeen(Path file, boolean rename) throws Exception {
        var stop = new AtomicBoolean();
        var partial = new CopyOnWriteArrayList<String>();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                try {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    if (!ReportWriter.complete(text)) {
                        partial.add(text);
                    }
                } catch (NoSuchFileException notYet) {
                    // absent is fine
                } catch (IOException e) {
                    partial.add("error " + e);
                }
                Thread.onSpinWait();
            }
        });
        try {
            ReportWriter.write(file, 5, 20, rename);
        } finally {
            stop.set(true);
            reader.join();
        }
        return partial.size();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}
