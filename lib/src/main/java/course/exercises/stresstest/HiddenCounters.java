package course.exercises.stresstest;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The implementations the learner's test is graded on: three correct, three with a planted bug. */
final class HiddenCounters {

    private HiddenCounters() {
    }

    /** Correct: an {@code AtomicLong}. */
    static final class Atomic implements Counter {
        private final AtomicLong count = new AtomicLong();

        @Override
        public void increment() {
            count.incrementAndGet();
        }

        @Override
        public long get() {
            return count.get();
        }
    }

    /** Correct: a monitor. */
    static final class Locked implements Counter {
        private long count;

        @Override
        public synchronized void increment() {
            count++;
        }

        @Override
        public synchronized long get() {
            return count;
        }
    }

    /** Correct: a {@code LongAdder} (its sum is not a snapshot, but never too big and never going down). */
    static final class Adder implements Counter {
        private final LongAdder count = new LongAdder();

        @Override
        public void increment() {
            count.increment();
        }

        @Override
        public long get() {
            return count.sum();
        }
    }

    /**
     * Bug: lost update: read, write back, and at every eighth value yield in between. Only shows when two threads
     * increment at the same time; the yield makes it show on one CPU too, and yielding at one value in eight (not at
     * every increment) keeps a round fast when other programs take the cores.
     */
    static final class LostUpdate implements Counter {
        private volatile long count;

        @Override
        public void increment() {
            long seen = count;
            if ((seen & 7) == 0) {
                Thread.yield();
            }
            count = seen + 1;
        }

        @Override
        public long get() {
            return count;
        }
    }

    /** Bug: batches of 64 per thread, the remainder never published. Right whenever each thread's count is a multiple of 64. */
    static final class Batched implements Counter {
        private final ThreadLocal<long[]> pending = ThreadLocal.withInitial(() -> new long[1]);
        private final AtomicLong published = new AtomicLong();

        @Override
        public void increment() {
            long[] mine = pending.get();
            if (++mine[0] == 64) {
                published.addAndGet(64);
                mine[0] = 0;
            }
        }

        @Override
        public long get() {
            return published.get();
        }
    }

    /** Bug: a visible intermediate state: adds 1000 and takes 999 back. Right at the end, wrong in the middle. */
    static final class Overshoot implements Counter {
        private volatile long count;

        @Override
        public synchronized void increment() {
            count = count + 1000;
            Thread.yield();
            count = count - 999;
        }

        @Override
        public long get() {
            return count;
        }
    }
}
