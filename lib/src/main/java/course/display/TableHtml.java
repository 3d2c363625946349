package course.display;

import course.platform.Html;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Renders a Tablesaw table as a compact HTML table with numbers right-aligned and rounded. */
final class TableHtml {

    private TableHtml() {
    }

    static MimeBundle toMime(Table table) {
        var html = new StringBuilder("<table class=\"course-table\">");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption style=\"text-align:left\"><b>").append(Html.escape(table.name())).append("</b></caption>");
        }
        html.append("<thead><tr>");
        for (Column<?> c : table.columns()) {
            html.append("<th>").append(Html.escape(c.name())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (int r = 0; r < table.rowCount(); r++) {
            html.append("<tr>");
            for (Column<?> c : table.columns()) {
                boolean numeric = c instanceof tech.tablesaw.api.NumericColumn<?>;
                html.append(numeric ? "<td style=\"text-align:right\">" : "<td>")
                        .append(Html.escape(format(c.get(r))))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        return MimeBundle.html(html.toString(), table.printAll());
    }

    static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "";
            }
            double a = Math.abs(d);
            if (a != 0 && (a < 0.001 || a >= 1e7)) {
                return String.format("%.3g", d);
            }
            return String.format(a >= 100 ? "%.1f" : "%.3f", d);
        }
        return String.valueOf(v);
    }

}
