package course.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directory trees: the one recursive delete of the library. */
public final class Directories {

    private Directories() {
    }

    /**
     * Deletes {@code root} and everything under it, deepest first, as far as it can (a temporary directory
     * whose files are still open elsewhere keeps them); a missing {@code root} is fine.
     *
     * @return whether {@code root} is gone afterwards
     */
    public static boolean deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(Directories::deleteQuietly);
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException | java.io.UncheckedIOException e) {
            // best effort: what could be deleted is gone
        }
        return !Files.exists(root);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a directory that still holds an undeletable file stays
        }
    }
}
