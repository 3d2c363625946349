package course.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@link Show} outside a kernel (as in unit tests and plain jshell) and its MIME conversions. */
@Isolated
class ShowTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void capture() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setProperty("course.show.dir", dir.toString());
    }

    @AfterEach
    void restore() {
        System.setOut(original);
        System.clearProperty("course.show.dir");
    }

    private String out() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noKernelIsFoundInAUnitTest() {
        assertEquals("none", Show.kernelName());
    }

    @Test
    void textIsPrintedOutsideAKernel() {
        Show.show("hello");
        Show.show(null);
        assertEquals("hello" + System.lineSeparator() + "null" + System.lineSeparator(), out());
    }

    @Test
    void imagesAreWrittenAsPngFilesOutsideAKernel() throws Exception {
        var image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xff0000);
        Show.show(image);
        try (var files = Files.list(dir)) {
            Path png = files.findFirst().orElseThrow();
            assertTrue(out().contains(png.toString()), out());
            BufferedImage read = ImageIO.read(png.toFile());
            assertEquals(30, read.getWidth());
            assertEquals(0xff0000, read.getRGB(3, 4) & 0xffffff);
        }
    }

    @Test
    void tablesBecomeHtmlWithNumbersRightAligned() {
        Table t = Table.create("results", StringColumn.create("variant", "a", "b<c"),
                DoubleColumn.create("median ms", 1.23456, 1234.5));
        MimeBundle bundle = Show.toMime(t);
        String html = bundle.data().get(MimeBundle.HTML);
        assertTrue(html.contains("<caption"), html);
        assertTrue(html.contains("<th>median ms</th>"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">1.235</td>"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">1234.5</td>"), html);
        assertTrue(html.contains("b&lt;c"), html);
        assertTrue(bundle.plainText().contains("median ms"));
    }

    @Test
    void htmlKeepsAPlainTextFallback() {
        MimeBundle bundle = Show.html("<b>x &lt; y</b>").toMime();
        assertEquals("<b>x &lt; y</b>", bundle.data().get(MimeBundle.HTML));
        assertEquals("x < y", bundle.plainText());
    }

    @Test
    void liveDisplaysPrintEachStateOutsideAKernel() {
        var live = Show.live("step 1");
        live.update("step 2");
        assertEquals("step 1" + System.lineSeparator() + "step 2" + System.lineSeparator(), out());
    }

    @Test
    void bundlesAreImmutableCopies() {
        var map = new java.util.HashMap<String, String>();
        map.put(MimeBundle.TEXT, "a");
        var bundle = new MimeBundle(map);
        map.put(MimeBundle.TEXT, "b");
        assertEquals("a", bundle.plainText());
        assertArrayEquals(new String[] {MimeBundle.TEXT}, bundle.data().keySet().toArray(new String[0]));
    }
}
