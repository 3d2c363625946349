package course.chart;

import course.display.MimeBundle;
import course.display.Show;
import course.display.View;
import course.platform.Html;
import course.timing.SweepResult;
import course.timing.Verdict;
import java.util.Optional;

/**
 * How the measurement package's values look in a notebook. Neither {@code course.timing} nor
 * {@code course.display} knows the other: timing hands over a Tablesaw table, a note and plain-text
 * verdicts, and this view (registered for {@link java.util.ServiceLoader} as a {@link View}) turns
 * them into MIME bundles for {@code show}; {@link SweepProgressBar} draws a sweep's progress.
 */
public final class TimingViews implements View {

    @Override
    public Optional<MimeBundle> render(Object value) {
        if (value instanceof SweepResult<?> r) {
            return Optional.of(result(r));
        }
        if (value instanceof Verdict v) {
            return Optional.of(verdict(v));
        }
        return Optional.empty();
    }

    /** The result's table with its note (rounds, size, machine, conditions) under it. */
    static MimeBundle result(SweepResult<?> r) {
        MimeBundle t = Show.toMime(r.table());
        String note = r.note();
        return MimeBundle.html(t.data().get(MimeBundle.HTML) + "<div style=\"color:#666;font-size:90%\">"
                + Html.escape(note) + "</div>", t.plainText() + "\n" + note);
    }

    /** A verdict as a coloured box: green when shown, amber when busy, grey otherwise. */
    static MimeBundle verdict(Verdict v) {
        String color = switch (v.outcome()) {
            case SHOWN -> "#59a14f";
            case BUSY -> "#f28e2b";
            case INCONCLUSIVE, ONE_CPU -> "#9c9c9c";
        };
        var html = new StringBuilder("<div style=\"border-left:4px solid ").append(color)
                .append(";padding:4px 10px;margin:4px 0;font:13px sans-serif\"><b>")
                .append(Html.escape(v.label())).append("</b>: ").append(Html.escape(v.effect()))
                .append("<br>measured: ").append(Html.escape(v.seen()));
        for (String w : v.why()) {
            html.append("<br>why: ").append(Html.escape(w));
        }
        for (String t : v.todo()) {
            html.append("<br>to see it: ").append(Html.escape(t));
        }
        html.append("<br><span style=\"color:#666\">").append(Html.escape(v.conditions().summary())).append("</span></div>");
        return MimeBundle.html(html.toString(), v.text());
    }
}
