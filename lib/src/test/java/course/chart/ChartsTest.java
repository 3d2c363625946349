package course.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.display.MimeBundle;
import course.display.Show;
import course.timing.Machine;
import course.timing.Sample;
import course.timing.SweepResult;
import course.timing.Timeline;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    private static final Machine MACHINE = new Machine(2, 0.25, 1L << 30, "25", "Linux amd64");

    /** Two variants over 1, 2, 4 threads, three rounds, with Amdahl-like times for f = 0.1 and 0.4. */
    static SweepResult sweep() {
        var samples = new ArrayList<Sample>();
        for (int r = 0; r < 3; r++) {
            for (int n : new int[] {1, 2, 4}) {
                samples.add(new Sample("good", n, r, (long) (100e6 * (0.1 + 0.9 / n) * (1 + 0.02 * r)), 0));
                samples.add(new Sample("poor", n, r, (long) (100e6 * (0.4 + 0.6 / n) * (1 + 0.01 * r)), 0));
            }
        }
        return new SweepResult("Primes", "threads", List.of("good", "poor"), List.of(1, 2, 4), 1000, 1000, samples, "good", 1, MACHINE);
    }

    static SweepResult comparison() {
        var samples = List.of(new Sample("loop", null, 0, 3_000_000, 0), new Sample("stream", null, 0, 2_000_000, 0));
        return new SweepResult("Sum", "", List.of("loop", "stream"), Collections.singletonList(null), 1, 1, samples, "loop", null, MACHINE);
    }

    private static BufferedImage decode(Chart chart) throws IOException {
        byte[] png = chart.png();
        assertTrue(png.length > 1000, "a PNG with content, got " + png.length + " bytes");
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** Whether the image has pixels of {@code color}: the series were drawn, not just the frame. */
    private static boolean hasColor(BufferedImage image, Color color) {
        int rgb = color.getRGB() & 0xFFFFFF;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> legend(JFreeChart chart) {
        var items = new ArrayList<String>();
        var plot = chart.getPlot();
        var collection = plot instanceof XYPlot xy ? xy.getLegendItems() : ((CategoryPlot) plot).getLegendItems();
        for (var it = collection.iterator(); it.hasNext(); ) {
            items.add(((LegendItem) it.next()).getLabel());
        }
        return items;
    }

    private static String subtitle(JFreeChart chart) {
        return ((org.jfree.chart.title.TextTitle) chart.getSubtitle(0)).getText();
    }

    @Test
    void speedupHasASeriesPerVariantTheIdealLineAndAnAmdahlFitEach() throws IOException {
        Chart chart = Charts.speedup(sweep());
        var plot = (XYPlot) chart.chart().getPlot();
        XYDataset measured = plot.getDataset(0);
        assertEquals(2, measured.getSeriesCount());
        assertEquals(3, measured.getItemCount(0));
        assertEquals(1 / (0.1 + 0.9 / 4), measured.getYValue(0, 2), 0.01);
        assertEquals(2, plot.getDataset(1).getSeriesCount(), "one Amdahl fit per variant");
        assertEquals(1, plot.getDataset(2).getSeriesCount(), "the ideal line");
        var labels = legend(chart.chart());
        assertTrue(labels.contains("Amdahl fit (good), serial fraction f=0.10"), labels.toString());
        assertTrue(labels.contains("ideal (linear)"), labels.toString());
        assertTrue(subtitle(chart.chart()).startsWith("2 cores"), subtitle(chart.chart()));
        assertTrue(plot.getRangeAxis().getLabel().contains("speedup"));
        assertEquals("threads", plot.getDomainAxis().getLabel());
        var image = decode(chart);
        assertEquals(760, image.getWidth());
        assertEquals(420, image.getHeight());
        assertTrue(hasColor(image, Style.color(0)) && hasColor(image, Style.color(1)));
    }

    @Test
    void aChartIsADisplayableThatShowsAsItsOwnPng() throws IOException {
        Chart chart = Charts.times(sweep()).size(300, 200);
        MimeBundle bundle = Show.toMime(chart);
        byte[] png = Base64.getDecoder().decode(bundle.data().get(MimeBundle.PNG));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(300, image.getWidth());
        assertEquals(200, image.getHeight());
        assertTrue(bundle.plainText().startsWith("chart: "), bundle.plainText());
    }

    @Test
    void timesHaveMinMaxIntervals() throws IOException {
        Chart chart = Charts.times(sweep());
        var data = (IntervalXYDataset) ((XYPlot) chart.chart().getPlot()).getDataset();
        assertEquals(2, data.getSeriesCount());
        var r = sweep();
        assertEquals(r.medianMillis("poor", 4), data.getYValue(1, 2), 1e-9);
        assertEquals(r.minMillis("poor", 4), data.getStartYValue(1, 2), 1e-9);
        assertEquals(r.maxMillis("poor", 4), data.getEndYValue(1, 2), 1e-9);
        assertTrue(((XYPlot) chart.chart().getPlot()).getRangeAxis().getLabel().contains("(ms)"));
        assertEquals(760, decode(chart).getWidth());
    }

    @Test
    void barsGroupVariantsByValueAndComparisonsByVariant() throws IOException {
        CategoryDataset sweepBars = ((CategoryPlot) Charts.bars(sweep()).chart().getPlot()).getDataset();
        assertEquals(2, sweepBars.getRowCount());
        assertEquals(3, sweepBars.getColumnCount());
        Chart cmp = Charts.bars(comparison());
        CategoryDataset cmpBars = ((CategoryPlot) cmp.chart().getPlot()).getDataset();
        assertEquals(1, cmpBars.getRowCount());
        assertEquals(List.of("loop", "stream"), cmpBars.getColumnKeys());
        var range = ((CategoryPlot) cmp.chart().getPlot()).getRangeAxis().getRange();
        assertTrue(range.getUpperBound() >= 3.0, "whiskers fit in the axis");
        var image = decode(cmp);
        assertTrue(hasColor(image, Style.color(0)) && hasColor(image, Style.color(1)));
        assertInstanceOf(CategoryPlot.class, Charts.times(comparison()).chart().getPlot(), "no numeric parameter: bars");
        assertInstanceOf(CategoryPlot.class, Charts.speedup(comparison()).chart().getPlot());
    }

    @Test
    void timelineHasARowPerThreadAndABarPerTask() throws Exception {
        var tl = Timeline.start();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(3)) {
            for (int i = 0; i < 12; i++) {
                pool.submit(tl.wrap("task " + i, () -> java.util.concurrent.locks.LockSupport.parkNanos(5_000_000)));
            }
        }
        Chart chart = Charts.timeline(tl);
        var plot = (XYPlot) chart.chart().getPlot();
        assertEquals(12, plot.getDataset().getItemCount(0));
        var threads = (org.jfree.chart.axis.SymbolAxis) plot.getRangeAxis();
        assertEquals(tl.threads().size(), threads.getSymbols().length);
        assertTrue(plot.getDomainAxis().getLabel().contains("(ms)"));
        assertTrue(subtitle(chart.chart()).contains("12 tasks"));
        var image = decode(chart);
        assertEquals(760, image.getWidth());
        assertTrue(hasColor(image, Style.color(0)));
    }

    @Test
    void threadStatesDrawARowPerThreadInTheStatesColours() throws Exception {
        var rows = java.util.List.of(
                new course.trace.StateTimeline.Row("w-1", java.util.List.of(
                        new course.trace.StateTimeline.Segment(course.trace.RunState.RUNNING, 0, 40_000_000),
                        new course.trace.StateTimeline.Segment(course.trace.RunState.BLOCKED, 40_000_000, 90_000_000))),
                new course.trace.StateTimeline.Row("w-2", java.util.List.of(
                        new course.trace.StateTimeline.Segment(course.trace.RunState.PARKED, 0, 90_000_000))));
        var timeline = new course.trace.StateTimeline(rows, java.time.Duration.ofMillis(1), 90,
                java.time.Duration.ofMillis(90), 2, false);
        Chart chart = Charts.threadStates(timeline);
        var plot = (XYPlot) chart.chart().getPlot();
        assertEquals(course.trace.RunState.values().length, plot.getDataset().getSeriesCount(), "a series (legend entry) per state");
        assertEquals(1, plot.getDataset().getItemCount(course.trace.RunState.BLOCKED.ordinal()));
        var symbols = ((org.jfree.chart.axis.SymbolAxis) plot.getRangeAxis()).getSymbols();
        assertEquals(java.util.List.of("w-1", "w-2"), java.util.List.of(symbols));
        var image = decode(chart);
        assertTrue(hasColor(image, StateChart.COLORS.get(course.trace.RunState.BLOCKED)));
        assertTrue(hasColor(image, StateChart.COLORS.get(course.trace.RunState.PARKED)));
    }

    @Test
    void aTimelineWithManyThreadsGrowsTaller() {
        var tl = Timeline.start();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < 30; i++) {
            int k = i;
            threads.add(Thread.ofPlatform().name("worker-" + k).start(() -> tl.run("t" + k, () -> { })));
        }
        threads.forEach(t -> {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        Chart chart = Charts.timeline(tl);
        assertTrue(chart.height() > Chart.DEFAULT_HEIGHT);
        var symbols = ((org.jfree.chart.axis.SymbolAxis) ((XYPlot) chart.chart().getPlot()).getRangeAxis()).getSymbols();
        assertEquals("worker-2", symbols[2], "threads in natural order");
        assertEquals("worker-10", symbols[10]);
    }

    @Test
    void lineAndBarChartAnyData() throws IOException {
        var series = new LinkedHashMap<String, List<double[]>>();
        series.put("a", List.of(new double[] {1, 10}, new double[] {2, 20}));
        series.put("b", List.of(new double[] {1, 5}, new double[] {2, 8}, new double[] {4, 9}));
        Chart line = Charts.line("Throughput", "clients", "requests/s", series);
        var xy = (XYPlot) line.chart().getPlot();
        assertEquals(2, xy.getDataset().getSeriesCount());
        assertEquals("requests/s", xy.getRangeAxis().getLabel());
        assertEquals(420, decode(line).getHeight());
        assertThrows(IllegalArgumentException.class, () -> Charts.line("x", "x", "y", Map.of("bad", List.of(new double[] {1}))));

        var values = new LinkedHashMap<String, Double>();
        values.put("p50", 12.0);
        values.put("p99", 48.0);
        Chart bar = Charts.bar("Latency", "latency (ms)", values);
        var cat = (CategoryPlot) bar.chart().getPlot();
        assertEquals(List.of("p50", "p99"), cat.getDataset().getColumnKeys());
        assertTrue(hasColor(decode(bar), Style.color(1)));
    }

    @Test
    void logAxesSwapInLogAxis(@TempDir Path dir) throws IOException {
        Chart speedup = Charts.speedup(sweep()).logX().logY();
        var plot = (XYPlot) speedup.chart().getPlot();
        assertInstanceOf(LogAxis.class, plot.getDomainAxis());
        assertInstanceOf(LogAxis.class, plot.getRangeAxis());
        assertEquals("threads", plot.getDomainAxis().getLabel());
        assertEquals(2.0, ((LogAxis) plot.getDomainAxis()).getBase(), "thread counts get base 2");
        Chart bars = Charts.bars(sweep()).logY();
        assertInstanceOf(LogAxis.class, ((CategoryPlot) bars.chart().getPlot()).getRangeAxis());
        var e = assertThrows(IllegalStateException.class, () -> Charts.bars(sweep()).logX());
        assertTrue(e.getMessage().contains("categories"));
        Path file = speedup.savePng(dir.resolve("s/speedup.png"));
        assertTrue(Files.size(file) > 1000);
        assertEquals(640, ImageIO.read(file.toFile()).getWidth() - 120);
    }

    @Test
    void naturalOrderComparesDigitRunsAsNumbers() {
        var names = new ArrayList<>(List.of("pool-1-thread-10", "pool-1-thread-9", "main", "pool-1-thread-1"));
        names.sort(Charts::naturalOrder);
        assertEquals(List.of("main", "pool-1-thread-1", "pool-1-thread-9", "pool-1-thread-10"), names);
    }
}
