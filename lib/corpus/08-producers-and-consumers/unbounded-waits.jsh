// kind: bug
// bug_class: no bounded wait: put and take without a timeout
// expect_fail: everyConsumerFails
// feedback: hung
// about: plain put/take: when every consumer has failed, the producers wait forever for room
// ==== cell 08-producers-and-consumers-06
/** Waits on a queue that last at most {@code patience}; running out is a TimeoutException. */
class Waits {
    static void put(BlockingQueue<Object> queue, Object item, Duration patience)
            throws InterruptedException, TimeoutException {
        queue.put(item);
    }

    static Object take(BlockingQueue<Object> queue, Duration patience) throws InterruptedException, TimeoutException {
        return queue.take();
    }
}
