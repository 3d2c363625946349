package course.chart;

import course.timing.Amdahl;
import course.timing.Machine;
import course.timing.Span;
import course.timing.SweepResult;
import course.timing.Timeline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The course's charts, in one style: white background, light grid, labelled axes with units, and
 * the machine (core count, load) in the subtitle of every chart of measurements.
 *
 * <pre>{@code
 * show(Charts.speedup(result));    // speedup vs threads, ideal line, Amdahl fit
 * show(Charts.times(result));      // median time with min-max bars
 * show(Charts.timeline(tl));       // which thread ran which task when
 * }</pre>
 *
 * <p>Every method returns a {@link Chart}; {@code show} draws it as a PNG. Tweak it through
 * {@code chart.chart()} (the JFreeChart) or {@link Chart#logX()}, {@link Chart#logY()}.
 */
public final class Charts {

    private Charts() {
    }

    /**
     * Speedup against the sweep's baseline, one line per variant over the parameter; with the ideal
     * (linear) speedup dashed and, per variant, Amdahl's law fitted to its points dotted, its serial
     * fraction in the legend. A comparison without a numeric parameter gets a bar per variant.
     */
    public static <P> Chart speedup(SweepResult<P> result) {
        Objects.requireNonNull(result, "result");
        String yLabel = "speedup (×) vs " + describe(result, result.baselineVariant(), result.baselineValue());
        if (!numeric(result)) {
            var data = new LinkedHashMap<String, Double>();
            for (String v : result.variants()) {
                for (P value : result.values()) {
                    data.put(result.hasParameter() ? v + ", " + value : v, result.speedup(v, value));
                }
            }
            return bar(result.title() + ": speedup", yLabel, data, subtitle(result));
        }
        var measured = new XYSeriesCollection();
        var fits = new XYSeriesCollection();
        var fitColors = new ArrayList<Color>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < result.variants().size(); i++) {
            String v = result.variants().get(i);
            var series = new XYSeries(v, false, true);
            for (P value : result.values()) {
                double x = ((Number) value).doubleValue();
                series.add(x, result.speedup(v, value));
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            measured.addSeries(series);
            Amdahl fit = tryFit(result, v);
            if (fit != null) {
                String key = (result.variants().size() == 1 ? "Amdahl fit, " : "Amdahl fit (" + v + "), ") + fit;
                fits.addSeries(curve(key, fit::speedup, Math.max(1, lo), hi));
                fitColors.add(Style.color(i));
            }
        }
        double base = ((Number) result.baselineValue()).doubleValue();
        var ideal = new XYSeriesCollection(curve("ideal (linear)", x -> base > 0 ? x / base : x, lo, hi));

        var xAxis = new NumberAxis(result.parameter());
        if (integers(result)) {
            xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        xAxis.setAutoRangeIncludesZero(false);
        var yAxis = new NumberAxis(yLabel);
        var plot = new XYPlot(measured, xAxis, yAxis, lines(result.variants().size(), true));
        plot.setDataset(1, fits);
        var fitRenderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < fitColors.size(); i++) {
            fitRenderer.setSeriesPaint(i, fitColors.get(i));
            fitRenderer.setSeriesStroke(i, Style.DOTTED);
        }
        plot.setRenderer(1, fitRenderer);
        plot.setDataset(2, ideal);
        var idealRenderer = new XYLineAndShapeRenderer(true, false);
        idealRenderer.setSeriesPaint(0, Style.REFERENCE);
        idealRenderer.setSeriesStroke(0, Style.DASHED);
        plot.setRenderer(2, idealRenderer);
        Style.plot(plot);
        return Chart.of(Style.chart(result.title() + ": speedup", subtitle(result), plot, true));
    }

    /**
     * Median time per run over the parameter, one line per variant, with bars from the fastest to
     * the slowest run. A comparison without a numeric parameter gets {@link #bars(SweepResult)}.
     */
    public static <P> Chart times(SweepResult<P> result) {
        Objects.requireNonNull(result, "result");
        if (!numeric(result)) {
            return bars(result);
        }
        var data = new YIntervalSeriesCollection();
        for (String v : result.variants()) {
            var series = new YIntervalSeries(v);
            for (P value : result.values()) {
                series.add(((Number) value).doubleValue(), result.medianMillis(v, value),
                        result.minMillis(v, value), result.maxMillis(v, value));
            }
            data.addSeries(series);
        }
        var renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setCapLength(8);
        renderer.setErrorStroke(new BasicStroke(1.4f));
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        for (int i = 0; i < result.variants().size(); i++) {
            renderer.setSeriesPaint(i, Style.color(i));
            renderer.setSeriesStroke(i, Style.LINE);
            renderer.setSeriesShape(i, Style.DOT);
        }
        var xAxis = new NumberAxis(result.parameter());
        if (integers(result)) {
            xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        xAxis.setAutoRangeIncludesZero(false);
        var plot = new XYPlot(data, xAxis, new NumberAxis("time per run (ms): median, min-max"), renderer);
        Style.plot(plot);
        return Chart.of(Style.chart(result.title() + ": time", subtitle(result), plot, true));
    }

    /**
     * A bar per variant (grouped by parameter value in a sweep) at the median time, with a whisker
     * from the fastest to the slowest run.
     */
    public static <P> Chart bars(SweepResult<P> result) {
        Objects.requireNonNull(result, "result");
        var data = new DefaultCategoryDataset();
        var whiskers = new HashMap<List<String>, double[]>();
        for (String v : result.variants()) {
            for (P value : result.values()) {
                String column = result.hasParameter() ? result.parameter() + "=" + value : v;
                String row = result.hasParameter() ? v : "median";
                data.addValue(result.medianMillis(v, value), row, column);
                whiskers.put(List.of(row, column), new double[] {result.minMillis(v, value), result.maxMillis(v, value)});
            }
        }
        var renderer = new WhiskerBarRenderer(whiskers, result.hasParameter());
        var plot = new CategoryPlot(data, new CategoryAxis(result.hasParameter() ? result.parameter() : null),
                new NumberAxis("time per run (ms): median, min-max"), renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        Style.plot(plot);
        return Chart.of(Style.chart(result.title() + ": time", subtitle(result), plot, result.hasParameter()));
    }

    /**
     * A Gantt chart of a {@link Timeline}: one row per thread (in order of first task), one bar per
     * task from its start to its end, time in milliseconds since the timeline started.
     */
    public static Chart timeline(Timeline timeline) {
        Objects.requireNonNull(timeline, "timeline");
        List<Span> spans = timeline.spans();
        List<String> threads = new ArrayList<>(timeline.threads());
        threads.sort(Charts::naturalOrder);
        var rows = new HashMap<String, Integer>();
        for (int i = 0; i < threads.size(); i++) {
            rows.put(threads.get(i), i);
        }
        var series = new XYIntervalSeries("tasks");
        var labels = new ArrayList<String>();
        var colors = new ArrayList<Integer>();
        var taskColors = new LinkedHashMap<String, Integer>();
        for (Span s : spans) {
            int row = rows.get(s.thread());
            double start = s.startMillis();
            double end = Math.max(s.endMillis(), start + 1e-6);
            series.add(start, start, end, row, row - 0.36, row + 0.36);
            labels.add(s.task());
            colors.add(taskColors.computeIfAbsent(s.task(), t -> taskColors.size()));
        }
        var data = new XYIntervalSeriesCollection();
        data.addSeries(series);
        var renderer = new XYBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return Style.color(colors.get(column));
            }
        };
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setDefaultOutlineStroke(new BasicStroke(1f));
        if (spans.size() <= 40) {
            renderer.setDefaultItemLabelGenerator((dataset, s, item) -> labels.get(item));
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultItemLabelFont(Style.ITEM);
            renderer.setDefaultItemLabelPaint(Color.WHITE);
            renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
        }
        XYPlot plot = threadRows(data, renderer, threads, "time since start (ms)");
        String sub = String.format(Locale.ROOT, "%s; %d tasks on %d threads, at most %d at once",
                Machine.current().summary(), spans.size(), threads.size(), timeline.maxConcurrency());
        JFreeChart chart = Style.chart("Timeline: which thread ran what, when", sub, plot, false);
        int height = Math.clamp(130 + 26L * threads.size(), Chart.DEFAULT_HEIGHT, 2000);
        return Chart.of(chart).size(Chart.DEFAULT_WIDTH, height);
    }

    /**
     * What each thread did over time, from a {@link course.trace.ThreadStates} recording: one row per
     * thread, coloured by state (running, blocked, waiting, parked, sleeping).
     */
    public static Chart threadStates(course.trace.StateTimeline timeline) {
        return threadStates(timeline, "Thread states over time");
    }

    /** {@link #threadStates(course.trace.StateTimeline)} with a title of your own. */
    public static Chart threadStates(course.trace.StateTimeline timeline, String title) {
        Objects.requireNonNull(timeline, "timeline");
        return StateChart.draw(timeline, title);
    }

    /** A plot with one row per thread (top to bottom in the given order) and time in milliseconds across. */
    static XYPlot threadRows(XYIntervalSeriesCollection data, XYBarRenderer renderer, List<String> threads, String timeLabel) {
        var threadAxis = new SymbolAxis("thread", threads.toArray(String[]::new));
        threadAxis.setInverted(true);
        threadAxis.setGridBandsVisible(false);
        threadAxis.setRange(-0.6, Math.max(0.6, threads.size() - 0.4));
        var timeAxis = new NumberAxis(timeLabel);
        timeAxis.setAutoRangeIncludesZero(true);
        var plot = new XYPlot(data, timeAxis, threadAxis, renderer);
        Style.plot(plot);
        plot.setRangeGridlinesVisible(false);
        return plot;
    }

    /**
     * Any x-y data: one line per entry, each point a {@code double[] {x, y}}.
     * <pre>{@code Charts.line("Throughput", "clients", "requests/s", Map.of("blocking", List.of(new double[] {1, 90}, new double[] {2, 170})))}</pre>
     */
    public static Chart line(String title, String xLabel, String yLabel, Map<String, List<double[]>> series) {
        Objects.requireNonNull(series, "series");
        var data = new XYSeriesCollection();
        int points = 0;
        for (var e : series.entrySet()) {
            var s = new XYSeries(e.getKey(), false, true);
            for (double[] p : e.getValue()) {
                if (p == null || p.length != 2) {
                    throw new IllegalArgumentException("each point of \"" + e.getKey() + "\" must be new double[] {x, y}");
                }
                s.add(p[0], p[1]);
            }
            points = Math.max(points, s.getItemCount());
            data.addSeries(s);
        }
        var xAxis = new NumberAxis(xLabel);
        xAxis.setAutoRangeIncludesZero(false);
        var plot = new XYPlot(data, xAxis, new NumberAxis(yLabel), lines(series.size(), points <= 40));
        Style.plot(plot);
        return Chart.of(Style.chart(title, Machine.current().summary(), plot, series.size() > 1));
    }

    /** Any labelled values: one bar per entry, in the map's order, the value printed on the bar. */
    public static Chart bar(String title, String yLabel, Map<String, Double> values) {
        return bar(title, yLabel, values, Machine.current().summary());
    }

    private static Chart bar(String title, String yLabel, Map<String, Double> values, String subtitle) {
        Objects.requireNonNull(values, "values");
        var data = new DefaultCategoryDataset();
        values.forEach((k, v) -> data.addValue(v, "value", k));
        var renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return Style.color(column);
            }
        };
        flat(renderer);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("#,##0.##")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(Style.ITEM);
        renderer.setDefaultItemLabelPaint(Style.INK);
        var plot = new CategoryPlot(data, new CategoryAxis(), new NumberAxis(yLabel), renderer);
        Style.plot(plot);
        plot.getRangeAxis().setUpperMargin(0.12);
        return Chart.of(Style.chart(title, subtitle, plot, false));
    }

    /** Orders "pool-1-thread-10" after "pool-1-thread-9": digit runs compare as numbers. */
    static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int i2 = i;
                int j2 = j;
                while (i2 < a.length() && Character.isDigit(a.charAt(i2))) {
                    i2++;
                }
                while (j2 < b.length() && Character.isDigit(b.charAt(j2))) {
                    j2++;
                }
                var nx = new java.math.BigInteger(a.substring(i, i2));
                var ny = new java.math.BigInteger(b.substring(j, j2));
                int c = nx.compareTo(ny);
                if (c != 0) {
                    return c;
                }
                i = i2;
                j = j2;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static XYLineAndShapeRenderer lines(int count, boolean shapes) {
        var r = new XYLineAndShapeRenderer(true, shapes);
        for (int i = 0; i < count; i++) {
            r.setSeriesPaint(i, Style.color(i));
            r.setSeriesStroke(i, Style.LINE);
            r.setSeriesShape(i, Style.DOT);
        }
        return r;
    }

    private static void flat(BarRenderer r) {
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0.06);
        r.setMaximumBarWidth(0.12);
    }

    private static XYSeries curve(String key, java.util.function.DoubleUnaryOperator f, double lo, double hi) {
        var s = new XYSeries(key, false, true);
        int steps = 80;
        for (int i = 0; i <= steps; i++) {
            double x = lo + (hi - lo) * i / steps;
            s.add(x, f.applyAsDouble(x));
        }
        return s;
    }

    private static <P> Amdahl tryFit(SweepResult<P> result, String variant) {
        try {
            return Amdahl.fit(result, variant);
        } catch (IllegalArgumentException e) {
            return null; // one value, or nothing above one thread: no curve to fit
        }
    }

    private static boolean numeric(SweepResult<?> r) {
        return r.hasParameter() && r.values().stream().allMatch(v -> v instanceof Number);
    }

    private static boolean integers(SweepResult<?> r) {
        return r.values().stream().allMatch(v -> v instanceof Integer || v instanceof Long || v instanceof Short);
    }

    private static <P> String describe(SweepResult<P> r, String variant, P value) {
        return r.hasParameter() ? variant + " at " + r.parameter() + "=" + value : variant;
    }

    private static String subtitle(SweepResult<?> r) {
        return String.format(Locale.ROOT, "%s; median of %d rounds, size %,d", r.machine().summary(), r.roundCount(), r.size());
    }

    /** Bars at the median with a whisker from the minimum to the maximum. */
    private static final class WhiskerBarRenderer extends BarRenderer {
        private final transient Map<List<String>, double[]> whiskers;

        WhiskerBarRenderer(Map<List<String>, double[]> whiskers, boolean colourBySeries) {
            this.whiskers = whiskers;
            flat(this);
            setMaximumBarWidth(0.16);
            for (int i = 0; i < 10; i++) {
                setSeriesPaint(i, Style.color(i));
            }
            this.colourBySeries = colourBySeries;
        }

        private final boolean colourBySeries;

        @Override
        public Paint getItemPaint(int row, int column) {
            return colourBySeries ? Style.color(row) : Style.color(column);
        }

        /** The value range, widened so that whiskers are never cut off. */
        @Override
        public org.jfree.data.Range findRangeBounds(CategoryDataset dataset, boolean includeInterval) {
            var range = super.findRangeBounds(dataset, includeInterval);
            for (double[] mm : whiskers.values()) {
                if (!Double.isNaN(mm[0]) && !Double.isNaN(mm[1])) {
                    range = org.jfree.data.Range.expandToInclude(org.jfree.data.Range.expandToInclude(range, mm[0]), mm[1]);
                }
            }
            return range;
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            double[] mm = whiskers.get(List.of(String.valueOf(dataset.getRowKey(row)), String.valueOf(dataset.getColumnKey(column))));
            if (mm == null || state.getVisibleSeriesIndex(row) < 0) {
                return;
            }
            var orientation = plot.getOrientation();
            double x = calculateBarW0(plot, orientation, dataArea, domainAxis, state, state.getVisibleSeriesIndex(row), column)
                    + state.getBarWidth() / 2;
            var edge = plot.getRangeAxisEdge();
            double y0 = rangeAxis.valueToJava2D(mm[0], dataArea, edge);
            double y1 = rangeAxis.valueToJava2D(mm[1], dataArea, edge);
            double cap = Math.min(10, state.getBarWidth() / 3);
            g2.setPaint(Style.INK);
            g2.setStroke(new BasicStroke(1.4f));
            if (orientation == PlotOrientation.VERTICAL) {
                g2.draw(new Line2D.Double(x, y0, x, y1));
                g2.draw(new Line2D.Double(x - cap, y0, x + cap, y0));
                g2.draw(new Line2D.Double(x - cap, y1, x + cap, y1));
            } else {
                g2.draw(new Line2D.Double(y0, x, y1, x));
                g2.draw(new Line2D.Double(y0, x - cap, y0, x + cap));
                g2.draw(new Line2D.Double(y1, x - cap, y1, x + cap));
            }
        }
    }
}
