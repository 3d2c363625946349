package course.chart;

import course.display.Progress;
import course.display.Show;
import course.timing.SweepListener;

/**
 * Draws a {@link course.timing.Sweep}'s progress as a {@link Progress} bar inside a notebook kernel (or
 * always, if the sweep asks). Registered for {@link java.util.ServiceLoader} under
 * {@code META-INF/services}, so the measurement package finds it without knowing the display.
 */
public final class SweepProgressBar implements SweepListener.Provider {

    @Override
    public SweepListener listener(boolean always) {
        if (!always && Show.kernelName().equals("none")) {
            return SweepListener.NONE;
        }
        return new SweepListener() {
            private Progress bar;

            @Override
            public void started(String title, long planned) {
                bar = Progress.start(title, planned);
            }

            @Override
            public void ran() {
                bar.advance();
            }

            @Override
            public void finished() {
                bar.close();
            }
        };
    }
}
