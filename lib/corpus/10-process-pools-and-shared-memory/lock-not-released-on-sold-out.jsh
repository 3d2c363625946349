// kind: bug
// bug_class: missing finally (the lock is not released when SoldOutException is thrown)
// expect_fail: soldOutReleasesTheLock
// may_fail: workerProcesses, killedWorker
// feedback: still held
// about: lock() ... release() without finally: the sold-out path leaves the FileLock held
// ==== cell 10-process-pools-and-shared-memory-08
class MyRoll implements RollSource {
    static final String TAKE = """
            public synchronized long take() throws IOException, SoldOutException {
                FileLock lock = channel.lock();
                long next = read();
                if (next >= capacity) {
                    throw new SoldOutException(capacity);   // leaves with the lock held
                }
                write(next + 1);
                lock.release();
                return next;
            }

            public synchronized long taken() throws IOException {
                try (FileLock lock = channel.lock()) {
                    return read();
                }
            }

            public synchronized void close() throws IOException {
                channel.close();
            }
        }
        """;

    public String java() {
        return RollFile.JAVA + TAKE;
    }
}
