package course.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapeMakesMarkupCharactersText() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", Html.escape("a <b> & \"c\""));
    }

    @Test
    void escapeDoesNotDoubleEscapeWhatItWasGivenOnce() {
        assertEquals("&amp;lt;", Html.escape("&lt;"), "an entity in the input is text, so its & is escaped");
    }

    @Test
    void textStripsTagsAndReadsBackWhatEscapeWrote() {
        String original = "x < y & \"z\" > w";
        assertEquals(original, Html.text("<b>" + Html.escape(original) + "</b>"));
        assertEquals("bold and plain", Html.text("<b>bold</b> and <i>plain</i>"));
    }
}
