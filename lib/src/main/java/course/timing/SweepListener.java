package course.timing;

import java.util.ServiceLoader;

/**
 * Hears how far a {@link Sweep} has got. In a notebook the display side draws it as a live progress
 * bar: it registers a {@link Provider} with {@link ServiceLoader}, so this package needs no display.
 *
 * <pre>{@code
 * var runs = new AtomicInteger();
 * Sweep.compare().task("loop", (v, n) -> loop(n)).listener(new SweepListener() {
 *     public void started(String title, long planned) { }
 *     public void ran() { runs.incrementAndGet(); }
 *     public void finished() { }
 * }).run();
 * }</pre>
 *
 * <p>The sweep calls these from the thread that runs it, in order: {@code started} once,
 * {@code ran} after every run, {@code finished} once (also when a task fails).
 */
public interface SweepListener {

    /** A listener that ignores everything. */
    SweepListener NONE = new SweepListener() {
        @Override
        public void started(String title, long planned) {
        }

        @Override
        public void ran() {
        }

        @Override
        public void finished() {
        }
    };

    /**
     * The sweep starts; it plans {@code planned} runs (calibration, warm-up and measured). It may
     * add rounds if the times are unstable, so more runs than planned can follow.
     */
    void started(String title, long planned);

    /** One run finished. */
    void ran();

    /** The sweep is over, normally or not. */
    void finished();

    /** Makes the listener of each sweep; found with {@link ServiceLoader} (the display side provides one). */
    interface Provider {

        /** A listener for one sweep; {@code always}: show progress even outside a notebook kernel. */
        SweepListener listener(boolean always);
    }

    /** The listener the installed {@link Provider} gives, or {@link #NONE} if none is installed. */
    static SweepListener installed(boolean always) {
        return ServiceLoader.load(Provider.class, Provider.class.getClassLoader()).findFirst()
                .map(p -> p.listener(always))
                .orElse(NONE);
    }
}
