package course.chart;

import course.display.Displayable;
import course.display.MimeBundle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;

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

    /**
     * Switches the x axis to a logarithmic scale and returns this chart. The axis spans whole powers
     * of its base: 2 when the data span less than three powers of ten (thread counts 1, 2, 4, 8),
     * 10 otherwise.
     *
     * @throws IllegalStateException for a category chart, whose x axis has no scale
     */
    public Chart logX() {
        if (!(chart.getPlot() instanceof XYPlot plot)) {
            throw new IllegalStateException("logX() needs an x-y chart (line, speedup, times, timeline); this is a "
                    + chart.getPlot().getPlotType() + " chart, whose x axis holds categories");
        }
        var axis = log(plot.getDomainAxis());
        plot.setDomainAxis(axis);
        snap(axis);
        return this;
    }

    /** Switches the y (value) axis to a logarithmic scale, spanning whole powers of its base, and returns this chart. */
    public Chart logY() {
        var axis = switch (chart.getPlot()) {
            case XYPlot plot -> {
                var a = log(plot.getRangeAxis());
                plot.setRangeAxis(a);
                yield a;
            }
            case CategoryPlot plot -> {
                var a = log(plot.getRangeAxis());
                plot.setRangeAxis(a);
                if (plot.getRenderer() instanceof BarRenderer bars) {
                    bars.setIncludeBaseInRange(false);
                }
                yield a;
            }
            default -> throw new IllegalStateException("logY() needs an x-y or category chart, not a "
                    + chart.getPlot().getPlotType() + " chart");
        };
        snap(axis);
        if (chart.getPlot() instanceof CategoryPlot plot && plot.getRenderer() instanceof BarRenderer bars) {
            bars.setBase(axis.getLowerBound());
        }
        return this;
    }

    private static LogAxis log(ValueAxis old) {
        var axis = new LogAxis(old.getLabel());
        axis.setLabelFont(old.getLabelFont());
        axis.setLabelPaint(old.getLabelPaint());
        axis.setTickLabelFont(old.getTickLabelFont());
        axis.setTickLabelPaint(old.getTickLabelPaint());
        axis.setAxisLinePaint(old.getAxisLinePaint());
        axis.setTickMarkPaint(old.getTickMarkPaint());
        axis.setInverted(old.isInverted());
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        axis.setSmallestValue(1e-6);
        axis.setMinorTickMarksVisible(true);
        return axis;
    }

    /** Widens an attached log axis to whole powers of a base, with a tick at each power. */
    private static void snap(LogAxis axis) {
        double lo = Math.max(axis.getLowerBound(), axis.getSmallestValue());
        double hi = Math.max(axis.getUpperBound(), lo * 1.0001);
        double base = hi / lo < 1000 ? 2 : 10;
        axis.setBase(base);
        axis.setBaseSymbol(base == 2 ? "2" : "10");
        double low = Math.pow(base, Math.floor(Math.log(lo) / Math.log(base) + 1e-9));
        double high = Math.pow(base, Math.ceil(Math.log(hi) / Math.log(base) - 1e-9));
        axis.setAutoRange(false);
        axis.setRange(low, Math.max(high, low * base));
        axis.setTickUnit(new NumberTickUnit(1), false, true);
    }

    /** Draws the chart. */
    public BufferedImage image() {
        return chart.createBufferedImage(width, height);
    }

    /** PNG bytes of the chart. */
    public byte[] png() {
        try (var out = new java.io.ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
