// kind: bug
// bug_class: lost item on timeout: the boolean of offer(item, timeout) ignored
// expect_fail: everyConsumerFails
// feedback: lost items on timeout
// about: a put that runs out of patience drops the item silently instead of failing
// ==== cell 08-producers-and-consumers-06
/** Waits on a queue that last at most {@code patience}; running out is a TimeoutException. */
class Waits {
    static void put(BlockingQueue<Object> queue, Object item, Duration patience)
            throws InterruptedException, TimeoutException {
        queue.offer(item, patience.toNanos(), TimeUnit.NANOSECONDS);   // waits at most patience
    }

    static Object take(BlockingQueue<Object> queue, Duration patience) throws InterruptedException, TimeoutException {
        Object item = queue.poll(patience.toNanos(), TimeUnit.NANOSECONDS);
        if (item == null) {
            throw new TimeoutException("no item for " + patience.toMillis() + " ms: nobody ended the stream");
        }
        return item;
    }
}
