// kind: bug
// bug_class: check-then-act (capacity checked before taking the lock)
// expect_fail: workerProcesses
// may_fail: killedWorker
// feedback: oversold
// about: the sold-out check reads the count outside the lock; waiting processes all passed it
// ==== cell 10-process-pools-and-shared-memory-08
class MyRoll implements RollSource {
    static final String TAKE = """
            public synchronized long take() throws IOException, SoldOutException {
                if (read() >= capacity) {                 // check ...
                    throw new SoldOutException(capacity);
                }
                try (FileLock lock = channel.lock()) {    // ... then act
                    long next = read();
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
