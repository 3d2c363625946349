// kind: bug
// bug_class: lost item when the queue is full: one retry after 1 ms, then dropped
// expect_fail: slowConsumerBoundedQueue
// may_fail: oneProducerOneConsumer,manyProducersManyConsumers,moreProducersThanConsumers,moreConsumersThanProducers,threadsRunTogether,everyThreadEnds,failingProducerReported,everyConsumerFails
// feedback: lost items
// about: a full queue is retried once after a millisecond; with a slow consumer the second offer fails too and the item is gone
// ==== cell 08-producers-and-consumers-06
/** Waits on a queue that last at most {@code patience}; running out is a TimeoutException. */
class Waits {
    static void put(BlockingQueue<Object> queue, Object item, Duration patience)
            throws InterruptedException, TimeoutException {
        if (!queue.offer(item)) {                                      // full: try again later
            Thread.sleep(1);
            queue.offer(item);
        }
    }

    static Object take(BlockingQueue<Object> queue, Duration patience) throws InterruptedException, TimeoutException {
        Object item = queue.poll(patience.toNanos(), TimeUnit.NANOSECONDS);
        if (item == null) {
            throw new TimeoutException("no item for " + patience.toMillis() + " ms: nobody ended the stream");
        }
        return item;
    }
}
