package course.display;

import course.platform.Html;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * The one way a notebook shows something: {@code show(x)} for charts, tables, images, HTML and text.
 *
 * <p>Inside a Jupyter kernel of the IJava family (JJava, IJava) or rapaio, {@code show} sends a rich
 * display; outside any kernel (unit tests, {@code jshell}, a plain {@code main}) it prints the
 * plain-text form and writes images as PNG files under {@code target/show/}. It returns nothing,
 * so a {@code show(...)} as the last statement of a cell never echoes a display id.
 *
 * <pre>{@code
 * show(Charts.speedup(result));      // a PNG chart (a chart is a Displayable)
 * show(result.table());              // a Tablesaw table as an HTML table
 * show(Show.html("<b>bold</b>"));    // HTML
 * }</pre>
 */
public final class Show {

    private static final AtomicInteger FILE_COUNTER = new AtomicInteger();

    private Show() {
    }

    /** Shows {@code value} in the notebook (or on standard output outside one). */
    public static void show(Object value) {
        MimeBundle bundle = toMime(value);
        String id = UUID.randomUUID().toString();
        Optional<KernelBridge> kernel = KernelBridge.find();
        if (kernel.isPresent()) {
            System.out.flush();
            System.err.flush();
            kernel.get().display(id, bundle);
        } else {
            printOutsideKernel(bundle, System.out);
        }
    }

    /**
     * Shows {@code initial} and returns a handle that replaces it in place: the base of progress bars
     * and of any output that should change rather than pile up.
     */
    public static LiveDisplay live(Object initial) {
        return new LiveDisplay(initial);
    }

    /** An HTML fragment, shown as HTML in a notebook and with its tags stripped elsewhere. */
    public static Displayable html(String html) {
        MimeBundle bundle = MimeBundle.html(html, Html.text(html));
        return () -> bundle;
    }

    /** Views of other packages' types (charts, sweep results, verdicts), found once. */
    private static final List<View> VIEWS = ServiceLoader.load(View.class, View.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get).toList();

    /** Converts anything {@code show} accepts into its MIME bundle. */
    public static MimeBundle toMime(Object value) {
        if (value == null) {
            return MimeBundle.text("null");
        }
        if (value instanceof MimeBundle b) {
            return b;
        }
        if (value instanceof Displayable d) {
            return d.toMime();
        }
        for (View view : VIEWS) {
            Optional<MimeBundle> bundle = view.render(value);
            if (bundle.isPresent()) {
                return bundle.get();
            }
        }
        if (value instanceof tech.tablesaw.api.Table t) {
            return TableHtml.toMime(t);
        }
        if (value instanceof BufferedImage image) {
            return MimeBundle.png(png(image), "image " + image.getWidth() + "x" + image.getHeight());
        }
        return MimeBundle.text(String.valueOf(value));
    }

    /** Encodes an image as PNG bytes. */
    public static byte[] png(BufferedImage image) {
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name of the kernel {@code show} talks to, or "none" outside a kernel. */
    public static String kernelName() {
        return KernelBridge.find().map(KernelBridge::name).orElse("none");
    }

    static void printOutsideKernel(MimeBundle bundle, PrintStream out) {
        String png = bundle.data().get(MimeBundle.PNG);
        if (png != null) {
            Path file = writePng(Base64.getDecoder().decode(png));
            out.println(bundle.plainText() + " -> " + file);
        } else {
            out.println(bundle.plainText());
        }
    }

    private static Path writePng(byte[] bytes) {
        try {
            Path dir = Path.of(System.getProperty("course.show.dir", "target/show"));
            Files.createDirectories(dir);
            Path file = dir.resolve(String.format("show-%d-%03d.png", ProcessHandle.current().pid(), FILE_COUNTER.incrementAndGet()));
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a PNG under target/show: " + e.getMessage(), e);
        }
    }

    /**
     * A display that can be replaced in place, from any thread. Outside a kernel each update prints a
     * line, so logs stay readable.
     */
    public static final class LiveDisplay {
        private final String id = UUID.randomUUID().toString();
        private final Optional<KernelBridge> kernel = KernelBridge.find();

        private LiveDisplay(Object initial) {
            MimeBundle bundle = toMime(initial);
            if (kernel.isPresent()) {
                System.out.flush();
                kernel.get().display(id, bundle);
            } else {
                printOutsideKernel(bundle, System.out);
            }
        }

        /** Replaces what this display shows. */
        public synchronized void update(Object value) {
            MimeBundle bundle = toMime(value);
            if (kernel.isPresent()) {
                kernel.get().update(id, bundle);
            } else {
                printOutsideKernel(bundle, System.out);
            }
        }
    }
}
