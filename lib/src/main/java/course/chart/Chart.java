package course.chart;

import course.display.Displayable;
import course.display.MimeBundle;
import course.display.Show;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;

/**
 * A chart ready to show: a JFreeChart and the size it is drawn at, rendered headless to PNG.
 *
 * @param chart  the JFreeChart to draw
 * @param width  width in pixels (the default fits a notebook column)
 * @param height height in pixels
 */
public record Chart(JFreeChart chart, int width, int height) implements Displayable {

    /** Width that fits a notebook cell without scaling. */
    public static final int DEFAULT_WIDTH = 760;
    /** Height that keeps a 760-wide chart readable. */
    public static final int DEFAULT_HEIGHT = 420;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** A chart at the default notebook size. */
    public static Chart of(JFreeChart chart) {
        return new Chart(chart, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** The same chart drawn at another size. */
    public Chart size(int width, int height) {
        return new Chart(chart, width, height);
    }

    /** Draws the chart. */
    public BufferedImage image() {
        return chart.createBufferedImage(width, height);
    }

    /** PNG bytes of the chart. */
    public byte[] png() {
        return Show.png(image());
    }

    /** Writes the chart as a PNG file and returns its path. */
    public Path savePng(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, png());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public MimeBundle toMime() {
        String title = chart.getTitle() == null ? "chart" : chart.getTitle().getText();
        return MimeBundle.png(png(), "chart: " + title);
    }
}
