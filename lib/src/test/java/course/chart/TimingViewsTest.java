package course.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.display.MimeBundle;
import course.display.Show;
import course.timing.Conditions;
import course.timing.Machine;
import course.timing.Sample;
import course.timing.SweepListener;
import course.timing.SweepResult;
import course.timing.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The display side of course.timing: results and verdicts in a notebook, and the sweep's progress bar. */
class TimingViewsTest {

    static SweepResult<Integer> result(Conditions c) {
        var samples = new ArrayList<Sample<Integer>>();
        for (int r = 0; r < 3; r++) {
            samples.add(new Sample<>("t", 1, r, 100_000_000L + r, 100_000_000L));
            samples.add(new Sample<>("t", 2, r, 50_000_000L + r, 100_000_000L));
        }
        return new SweepResult<>("Primes <fast>", "threads", List.of("t"), List.of(1, 2), 10, 10, samples, "t", 1,
                new Machine(2, 0.1, 1L << 30, "25", "Linux amd64"), c);
    }

    @Test
    void aSweepResultShowsAsItsTableWithTheNoteUnderIt() {
        var r = result(new Conditions(2, 0.1, 0.02, 0.0, 1.0, 0, 0.0));
        MimeBundle m = Show.toMime(r);
        String html = m.data().get(MimeBundle.HTML);
        assertTrue(html.contains("<table") && html.contains("Primes &lt;fast&gt;"), html);
        assertTrue(html.contains(r.note().replace("<", "&lt;")), html);
        assertTrue(m.plainText().endsWith(r.note()), m.plainText());
    }

    @Test
    void aVerdictShowsAsABoxWithItsTextAsThePlainForm() {
        var shown = Verdict.speedup(result(new Conditions(2, 0.1, 0.02, 0.0, 1.0, 0, 0.0)), "t");
        MimeBundle m = Show.toMime(shown);
        assertEquals(shown.text(), m.plainText());
        assertTrue(m.data().get(MimeBundle.HTML).contains("<b>Seen here</b>"), m.data().get(MimeBundle.HTML));
        var busy = Verdict.speedup(result(new Conditions(2, 0.1, 0.9, 0.0, 1.0, 0, 0.0)), "t");
        assertTrue(Show.toMime(busy).data().get(MimeBundle.HTML).contains("#f28e2b"), "busy is amber");
    }

    @Test
    void theSweepFindsTheProgressBarThroughTheServiceLoader() {
        SweepListener forced = SweepListener.installed(true);
        assertNotSame(SweepListener.NONE, forced, "the display registers a provider under META-INF/services");
        assertSame(SweepListener.NONE, SweepListener.installed(false), "outside a kernel, no bar unless forced");
        forced.started("t", 2);
        forced.ran();
        forced.ran();
        forced.finished();
    }
}
