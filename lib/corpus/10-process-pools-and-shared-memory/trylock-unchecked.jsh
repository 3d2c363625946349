// kind: bug
// bug_class: tryLock without checking for null (goes on unlocked when another process holds the lock)
// expect_fail: workerProcesses
// may_fail: killedWorker
// feedback: lost update across processes
// about: tryLock() returns null instead of waiting; try-with-resources accepts null, so the take runs unlocked
// ==== cell 10-process-pools-and-shared-memory-08
class MyRoll implements RollSource {
    static final String TAKE = """
            public synchronized long take() throws IOException, SoldOutException {
                try (FileLock lock = channel.tryLock()) {   // never blocks: null if another process has it
                    long next = read();
                    if (next >= capacity) {
                        throw new SoldOutException(capacity);
                    }
                    write(next + 1);
                    return next;
                }
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
