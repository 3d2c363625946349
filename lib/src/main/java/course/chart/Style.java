package course.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.Shape;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** The course's one chart style: white, light grid, colour-blind-safe colours, fonts readable at 760x420. */
final class Style {

    /** Tableau 10: distinguishable, also in grey-scale and for common colour blindness. */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC)};

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font ITEM = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Color INK = new Color(0x333333);
    static final Color MUTED = new Color(0x666666);
    static final Color GRID = new Color(0xE3E3E3);
    static final Color REFERENCE = new Color(0x888888);

    static final Stroke LINE = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f);
    static final Stroke DOTTED = new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {0.5f, 4.5f}, 0f);
    static final Shape DOT = new Ellipse2D.Double(-4, -4, 8, 8);
    static final Shape NO_SHAPE = new Rectangle2D.Double(0, 0, 0, 0);

    private Style() {
    }

    /** Colour number {@code i}, cycling. */
    static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** A finished chart: title, optional subtitle, legend at the bottom when {@code legend}. */
    static JFreeChart chart(String title, String subtitle, Plot plot, boolean legend) {
        var chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 6, 14));
        chart.getTitle().setPaint(INK);
        chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.getTitle().setMargin(0, 4, 2, 0);
        if (subtitle != null && !subtitle.isBlank()) {
            var sub = new TextTitle(subtitle, SUBTITLE);
            sub.setPaint(MUTED);
            sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
            sub.setMargin(0, 4, 6, 0);
            chart.addSubtitle(0, sub);
        }
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setItemFont(LEGEND);
            l.setItemPaint(INK);
            l.setFrame(BlockBorder.NONE);
            l.setBackgroundPaint(Color.WHITE);
            l.setPosition(RectangleEdge.BOTTOM);
            l.setMargin(6, 0, 0, 0);
        }
        return chart;
    }

    static void plot(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(GRID);
        plot.setInsets(new RectangleInsets(4, 4, 4, 4));
        switch (plot) {
            case XYPlot p -> {
                p.setDomainGridlinePaint(GRID);
                p.setRangeGridlinePaint(GRID);
                p.setDomainGridlineStroke(new BasicStroke(1f));
                p.setRangeGridlineStroke(new BasicStroke(1f));
                p.setAxisOffset(RectangleInsets.ZERO_INSETS);
                axis(p.getDomainAxis());
                axis(p.getRangeAxis());
            }
            case CategoryPlot p -> {
                p.setRangeGridlinePaint(GRID);
                p.setRangeGridlineStroke(new BasicStroke(1f));
                p.setDomainGridlinesVisible(false);
                p.setAxisOffset(RectangleInsets.ZERO_INSETS);
                axis(p.getDomainAxis());
                axis(p.getRangeAxis());
            }
            default -> {
            }
        }
    }

    static void axis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(LABEL);
        axis.setLabelPaint(INK);
        axis.setTickLabelFont(TICK);
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(REFERENCE);
        axis.setTickMarkPaint(REFERENCE);
    }

    static Paint paint(int i) {
        return color(i);
    }
}
