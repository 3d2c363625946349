package course.exercises.memory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The expensive object a {@link Singleton} creates once: its constructor takes a while (a few
 * milliseconds here), which is why it is created lazily, and why two threads that both see
 * "not created yet" both pay for it. The grader counts how many were made.
 */
public final class Service {

    private static final AtomicInteger CREATED = new AtomicInteger();
    private static volatile Gate gate;

    private final int serial;
    private final String name;

    /** Builds a service: slow on purpose. */
    public Service() {
        serial = CREATED.incrementAndGet();
        Gate g = gate;
        if (g != null) {
            g.hold();
        } else {
            pause(Duration.ofMillis(5));
        }
        name = "service #" + serial;
    }

    /** Which service this is, counting from 1 since the JVM started. */
    public int serial() {
        return serial;
    }

    /** Set by the constructor, last: a fully built service has a name. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name == null ? "a half-built service" : name;
    }

    /** How many services were made since the JVM started. */
    static int created() {
        return CREATED.get();
    }

    /** While armed, a constructor waits until {@code callers} threads have asked, then {@code extra} more. */
    static void arm(CountDownLatch callers, Duration extra) {
        gate = new Gate(callers, extra);
    }

    static void disarm() {
        gate = null;
    }

    private record Gate(CountDownLatch callers, Duration extra) {
        void hold() {
            try {
                callers.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause(extra);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
