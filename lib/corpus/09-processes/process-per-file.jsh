// kind: bug
// bug_class: limit exceeded (one worker process per file, not per worker)
// expect_fail: usesWorkerProcesses
// feedback: limit exceeded
// about: ignores the workers argument: as many JVMs as files
// ==== cell 09-processes-6
class ProcessWordCounter implements WordCounter {
    public Map<String, Long> count(List<Path> files, int workers) throws Exception {
        List<String> groups = new ArrayList<>();
        for (Path file : files) {
            groups.add(file.toAbsolutePath() + "\n"); // one file, one worker: the most parallel
        }
        Map<String, Long> total = new TreeMap<>();
        if (groups.isEmpty()) {
            return total;
        }
        try (var pool = ProcessPool.fromSource(groups.size(), "CountWords", CountWordsSource.JAVA)) {
            for (String answer : pool.map(groups)) {
                String[] parts = answer.isBlank() ? new String[0] : answer.split(" ");
                for (int i = 0; i + 1 < parts.length; i += 2) {
                    total.merge(parts[i], Long.parseLong(parts[i + 1]), Long::sum);
                }
            }
        }
        return total;
    }
}
