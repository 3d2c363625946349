// kind: bug
// bug_class: lost update across processes (a JVM lock, synchronized, instead of a FileLock)
// expect_fail: workerProcesses
// may_fail: killedWorker
// feedback: lost update across processes
// about: synchronized excludes the threads of one JVM only; three worker JVMs read the same count
// ==== cell 10-process-pools-and-shared-memory-08
class MyRoll implements RollSource {
    static final String TAKE = """
            public synchronized long take() throws IOException, SoldOutException {
                long next = read();                    // synchronized is enough... in one JVM
                if (next >= capacity) {
                    throw new SoldOutException(capacity);
                }
                write(next + 1);
                return next;
            }

            public synchronized long taken() throws IOException {
                return read();
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
