package course.display;

import course.timing.SweepResult;
import course.timing.Verdict;

/**
 * How the measurement package's values look in a notebook. {@code course.timing} knows no display:
 * it hands over a Tablesaw table, a note and plain-text verdicts, and this class turns them into
 * MIME bundles; {@link SweepProgressBar} draws a sweep's progress.
 */
final class TimingViews {

    private TimingViews() {
    }

    /** The result's table with its note (rounds, size, machine, conditions) under it. */
    static MimeBundle result(SweepResult<?> r) {
        MimeBundle t = TableHtml.toMime(r.table());
        String note = r.note();
        return MimeBundle.html(t.data().get(MimeBundle.HTML) + "<div style=\"color:#666;font-size:90%\">"
                + TableHtml.escape(note) + "</div>", t.plainText() + "\n" + note);
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
                .append(TableHtml.escape(v.label())).append("</b>: ").append(TableHtml.escape(v.effect()))
                .append("<br>measured: ").append(TableHtml.escape(v.seen()));
        for (String w : v.why()) {
            html.append("<br>why: ").append(TableHtml.escape(w));
        }
        for (String t : v.todo()) {
            html.append("<br>to see it: ").append(TableHtml.escape(t));
        }
        html.append("<br><span style=\"color:#666\">").append(TableHtml.escape(v.conditions().summary())).append("</span></div>");
        return MimeBundle.html(html.toString(), v.text());
    }
}
