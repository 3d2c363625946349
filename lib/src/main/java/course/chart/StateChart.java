package course.chart;

import course.timing.Machine;
import course.trace.RunState;
import course.trace.StateTimeline;
import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/** Draws a {@link StateTimeline}: one row per thread, one colour per {@link RunState}, time across. */
final class StateChart {

    /** Fixed colours, so every lesson's chart reads the same: running green, blocked red, parked blue. */
    static final Map<RunState, Color> COLORS = new EnumMap<>(Map.of(
            RunState.RUNNING, new Color(0x59A14F),
            RunState.BLOCKED, new Color(0xE15759),
            RunState.WAITING, new Color(0xF28E2B),
            RunState.PARKED, new Color(0x4E79A7),
            RunState.SLEEPING, new Color(0xBAB0AC)));

    private StateChart() {
    }

    static Chart draw(StateTimeline timeline, String title) {
        List<String> threads = new ArrayList<>(timeline.threads());
        var data = new XYIntervalSeriesCollection();
        var renderer = new XYBarRenderer();
        int series = 0;
        for (RunState state : RunState.values()) {
            var s = new XYIntervalSeries(state.name().toLowerCase(Locale.ROOT));
            for (int row = 0; row < timeline.rows().size(); row++) {
                for (StateTimeline.Segment seg : timeline.rows().get(row).segments()) {
                    if (seg.state() == state) {
                        s.add(seg.startMillis(), seg.startMillis(), seg.endMillis(), row, row - 0.36, row + 0.36);
                    }
                }
            }
            data.addSeries(s);
            renderer.setSeriesPaint(series++, COLORS.get(state));
        }
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        XYPlot plot = Charts.threadRows(data, renderer, threads, "time since the recording started (ms)");
        String sub = String.format(Locale.ROOT, "%s; %d threads, a sample every %.1f ms%s", Machine.current().summary(),
                threads.size(), timeline.interval().toNanos() / 1e6, timeline.truncated() ? " (truncated)" : "");
        JFreeChart chart = Style.chart(title, sub, plot, true);
        int height = Math.clamp(150 + 26L * threads.size(), Chart.DEFAULT_HEIGHT, 2000);
        return Chart.of(chart).size(Chart.DEFAULT_WIDTH, height);
    }
}
