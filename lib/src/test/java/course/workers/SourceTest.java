package course.workers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceTest {

    @Test
    void wholeClassStartsAtItsJavadocWithoutImports() {
        String text = Source.of(Hello.class);
        assertTrue(text.startsWith("/**"), text);
        assertFalse(text.contains("import "), text);
        assertTrue(text.contains("public final class Hello"), text);
    }

    @Test
    void methodRunsFromItsCommentToItsClosingBraceUnindented() {
        String text = Source.method(ReportWriter.class, "write");
        assertTrue(text.startsWith("/** Writes the report to"), text);
        assertTrue(text.contains("\npublic static void write("), "unindented:\n" + text);
        assertTrue(text.contains("ATOMIC_MOVE"), text);
        assertTrue(text.endsWith("\n}"), text);
        assertFalse(text.contains("complete("), "stops at the method's own brace:\n" + text);
    }

    @Test
    void anUnknownMethodSaysWhatIsMissing() {
        var e = assertThrows(IllegalArgumentException.class, () -> Source.method(Hello.class, "noSuchMethod"));
        assertTrue(e.getMessage().contains("noSuchMethod"), e.getMessage());
    }
}
