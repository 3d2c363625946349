package course.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {

    @Test
    void deleteTreeRemovesNestedFilesAndDirectories(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("a/b/c"));
        Files.writeString(root.resolve("a/one.txt"), "1");
        Files.writeString(root.resolve("a/b/c/two.txt"), "2");
        assertTrue(Directories.deleteTree(root));
        assertFalse(Files.exists(root));
        assertTrue(Files.isDirectory(tmp), "only the tree itself goes");
    }

    @Test
    void deleteTreeOfAMissingPathIsDone(@TempDir Path tmp) {
        assertTrue(Directories.deleteTree(tmp.resolve("never-there")));
    }

    @Test
    void deleteTreeOfAFileDeletesTheFile(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("f.txt"), "x");
        assertTrue(Directories.deleteTree(file));
        assertFalse(Files.exists(file));
    }
}
