// kind: bug
// bug_class: lock scope: a FileLock (per JVM) shared by threads without a lock for the threads
// expect_fail: threadsOfOneProcess
// feedback: OverlappingFileLockException when 4 threads
// about: take() is not synchronized: a second thread's channel.lock() throws instead of waiting
// ==== cell 10-process-pools-and-shared-memory-08
class MyRoll implements RollSource {
    static final String TAKE = """
            public long take() throws IOException, SoldOutException {
                try (FileLock lock = channel.lock()) {   // the lock of the processes... and the threads?
                    long next = read();
                    if (next >= capacity) {
                        throw new SoldOutException(capacity);
                    }
                    write(next + 1);
                    return next;
                }
            }

            public long taken() throws IOException {
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
