// kind: bug
// bug_class: lost update (the count is read before the lock, written under it)
// expect_fail: workerProcesses
// may_fail: killedWorker
// feedback: lost update across processes
// about: only the write is locked; two processes read the same count first
// ==== cell 10-process-pools-and-shared-memory-08
class MyRoll implements RollSource {
    static final String TAKE = """
            public synchronized long take() throws IOException, SoldOutException {
                long next = read();
                if (next >= capacity) {
                    throw new SoldOutException(capacity);
                }
                try (FileLock lock = channel.lock()) {   // lock just the write
                    write(next + 1);
                }
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
