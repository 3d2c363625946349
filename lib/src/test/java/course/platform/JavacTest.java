package course.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavacTest {

    @Test
    void compilesAgainstLibIntoTheClassesDirectory(@TempDir Path tmp) throws IOException {
        Path src = Files.writeString(tmp.resolve("Uses.java"),
                "public class Uses { String s = course.platform.Html.escape(\"<\"); }\n");
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Javac.Result r = Javac.compile(List.of(src), classes, LibClassPath.string(), List.of());
        assertTrue(r.ok(), r.toString());
        assertEquals(List.of(), r.errors());
        assertTrue(Files.isRegularFile(classes.resolve("Uses.class")));
    }

    @Test
    void errorsCarryFileLineAndMessage(@TempDir Path tmp) throws IOException {
        Path src = Files.writeString(tmp.resolve("Broken.java"), "public class Broken {\n  int x = \"text\";\n}\n");
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Javac.Result r = Javac.compile(List.of(src), classes, "", List.of());
        assertFalse(r.ok());
        assertEquals(1, r.errors().size(), r.errors().toString());
        Javac.Error e = r.errors().getFirst();
        assertEquals("Broken.java", e.file());
        assertEquals(2, e.line());
        assertTrue(e.firstLine().contains("incompatible types"), e.message());
        assertFalse(Files.exists(classes.resolve("Broken.class")));
    }

    @Test
    void callerOptionsComeAfterTheBaseOnes(@TempDir Path tmp) throws IOException {
        Path src = Files.writeString(tmp.resolve("Old.java"), "public class Old { Object o = switch (1) { default -> 1; }; }\n");
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        assertTrue(Javac.compile(List.of(src), classes, "", List.of()).ok());
        Javac.Result old = Javac.compile(List.of(src), classes, "", List.of("--release", "11"));
        assertFalse(old.ok(), "a switch expression does not compile for Java 11: the option reached javac");
    }
}
