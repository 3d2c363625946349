// kind: bug
// bug_class: work split (empty input)
// expect_fail: edgeCases
// feedback: 1 to 64 workers
// about: no files give no groups, and a pool of 0 workers
// ==== cell 09-processes-6
class ProcessWordCounter implements WordCounter {
    public Map<String, Long> count(List<Path> files, int workers) throws Exception {
        List<String> groups = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            StringBuilder group = new StringBuilder();
            for (int i = w; i < files.size(); i += workers) {
                group.append(files.get(i).toAbsolutePath()).append('\n');
            }
            if (!group.isEmpty()) {
                groups.add(group.toString());
            }
        }
        Map<String, Long> total = new TreeMap<>();
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
