package course.exercises.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * Runs producers and consumers over one bounded queue and returns when the stream is over. The
 * implementing class has a constructor without parameters, {@code new MyPipeline()}.
 *
 * <p>The items are the indexes {@code 0 .. items-1}: every index is made exactly once, by one of the
 * producers calling {@link Source#make}, and every item made is passed exactly once to
 * {@link Sink#accept} by one of the consumers. A source or sink that throws stops its thread; the
 * exception is reported in {@link Report#failures()} and the others go on. Every wait on the queue
 * lasts at most {@link Job#patience()}; a wait that runs out is reported as a
 * {@link java.util.concurrent.TimeoutException}, never a hang. {@link #run} returns only after every
 * thread it started has ended.
 */
public interface Pipeline {

    /** Makes the item for one index; throwing stops the producer that called it. */
    @FunctionalInterface
    interface Source {
        /** The item for {@code index}. */
        Integer make(int index) throws Exception;
    }

    /** Consumes one item; throwing stops the consumer that called it. */
    @FunctionalInterface
    interface Sink {
        /** Consumes {@code item}. */
        void accept(Integer item) throws Exception;
    }

    /**
     * What to run.
     *
     * @param producers threads that make items, at the same time
     * @param consumers threads that consume items, at the same time
     * @param items     how many items ({@code 0 .. items-1})
     * @param capacity  the queue's capacity
     * @param patience  the longest any wait on the queue may last
     * @param source    makes the items
     * @param sink      consumes the items
     */
    record Job(int producers, int consumers, int items, int capacity, Duration patience, Source source, Sink sink) {
    }

    /**
     * What happened.
     *
     * @param produced items made and put on the queue
     * @param consumed items passed to the sink that returned normally
     * @param failures what the sources and sinks threw, and a {@code TimeoutException} for every wait that ran out
     */
    record Report(int produced, int consumed, List<Throwable> failures) {
    }

    /** Runs {@code job} and returns when every item was consumed (or a failure stopped it) and every thread ended. */
    Report run(Job job) throws InterruptedException;
}
