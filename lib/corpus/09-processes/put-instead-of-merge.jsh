// kind: bug
// bug_class: lost update in the merge (put overwrites another worker's count)
// expect_fail: countsMatch, edgeCases
// feedback: wrong count for
// about: the same word comes back from several workers; put keeps only the last
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
        if (groups.isEmpty()) {
            return total;
        }
        try (var pool = ProcessPool.fromSource(groups.size(), "CountWords", CountWordsSource.JAVA)) {
            for (String answer : pool.map(groups)) {
                String[] parts = answer.isBlank() ? new String[0] : answer.split(" ");
                for (int i = 0; i + 1 < parts.length; i += 2) {
                    total.put(parts[i], Long.parseLong(parts[i + 1]));
                }
            }
        }
        return total;
    }
}
