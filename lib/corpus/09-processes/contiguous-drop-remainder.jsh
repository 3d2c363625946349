// kind: bug
// bug_class: work split (remainder lost)
// expect_fail: countsMatch
// may_fail: edgeCases
// feedback: wrong count for
// about: files.size() / workers files per group: with 5 files and 2 workers the fifth is never counted
// ==== cell 09-processes-6
class ProcessWordCounter implements WordCounter {
    public Map<String, Long> count(List<Path> files, int workers) throws Exception {
        List<String> groups = new ArrayList<>();
        int per = Math.max(1, files.size() / workers);
        for (int w = 0; w < workers; w++) {
            StringBuilder group = new StringBuilder();
            for (int i = w * per; i < Math.min(files.size(), (w + 1) * per); i++) {
                group.append(files.get(i).toAbsolutePath()).append('\n');
            }
            if (!group.isEmpty()) {
                groups.add(group.toString());
            }
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
