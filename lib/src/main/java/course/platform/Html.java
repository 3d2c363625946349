package course.platform;

/** Text in and out of HTML: the one escaping rule every HTML-producing display uses. */
public final class Html {

    private Html() {
    }

    /** {@code text} with {@code &}, {@code <}, {@code >} and {@code "} escaped, safe inside an element or a quoted attribute. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The text of an HTML fragment: tags removed and the entities {@link #escape} writes turned back into characters. */
    public static String text(String html) {
        return html.replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
