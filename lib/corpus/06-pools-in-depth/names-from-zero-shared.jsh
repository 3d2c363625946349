// kind: bug
// bug_class: shared state: one static counter for every factory
// expect_fail: namedThreads
// feedback: shared state
// about: a static counter shared by every pool: the second pool's threads are named from where the first stopped
// ==== cell 06-pools-in-depth-06
/** Makes threads named prefix-1, prefix-2, ... (not started). */
class NamedThreads implements ThreadFactory {
    private final String prefix;
    private static int made;                        // counts the threads made

    NamedThreads(String prefix) {
        this.prefix = prefix;
    }

    public Thread newThread(Runnable task) {
        return new Thread(task, prefix + "-" + (++made));
    }
}
