package course.display;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a notebook front end receives for one displayed object: MIME type to content.
 *
 * <p>Binary types such as {@code image/png} hold base64 text, as the Jupyter protocol wants.
 *
 * @param data MIME type to content, in insertion order
 */
public record MimeBundle(Map<String, String> data) {

    /** Text shown by every front end. */
    public static final String TEXT = "text/plain";
    /** HTML, for tables and formatted text. */
    public static final String HTML = "text/html";
    /** A PNG image as base64. */
    public static final String PNG = "image/png";

    public MimeBundle {
        Objects.requireNonNull(data, "data");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A bundle with only plain text. */
    public static MimeBundle text(String text) {
        return new MimeBundle(Map.of(TEXT, text));
    }

    /** A bundle with HTML and a plain-text fallback. */
    public static MimeBundle html(String html, String plainText) {
        var m = new LinkedHashMap<String, String>();
        m.put(HTML, html);
        m.put(TEXT, plainText);
        return new MimeBundle(m);
    }

    /** A bundle with a PNG image and a plain-text description. */
    public static MimeBundle png(byte[] png, String plainText) {
        var m = new LinkedHashMap<String, String>();
        m.put(PNG, Base64.getEncoder().encodeToString(png));
        m.put(TEXT, plainText);
        return new MimeBundle(m);
    }

    /** The plain-text form, or an empty string if the bundle has none. */
    public String plainText() {
        return data.getOrDefault(TEXT, "");
    }
}
