package course.timing;

import java.util.concurrent.atomic.AtomicLong;

/** Clocks that move only when a test (or a task) says so. */
final class FakeClocks {
    final AtomicLong wall = new AtomicLong(1_000);
    final AtomicLong cpu = new AtomicLong(500);

    Clocks clocks() {
        return new Clocks(wall::get, cpu::get);
    }

    /** Advances wall time by {@code nanos} and CPU time by {@code cores * nanos}. */
    void spend(long nanos, int cores) {
        wall.addAndGet(nanos);
        cpu.addAndGet(nanos * cores);
    }
}
