// kind: correct
// about: never more workers than files; groups built as lists first, then joined
// ==== cell 09-processes-6
class ProcessWordCounter implements WordCounter {
    public Map<String, Long> count(List<Path> files, int workers) throws Exception {
        int n = Math.min(workers, files.size());
        if (n == 0) {
            return Map.of();
        }
        List<List<String>> groups = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < files.size(); i++) {
            groups.get(i % n).add(files.get(i).toAbsolutePath().toString());
        }
        List<String> inputs = groups.stream().map(g -> String.join("\n", g)).toList();
        Map<String, Long> total = new TreeMap<>();
        try (var pool = ProcessPool.fromSource(n, "CountWords", CountWordsSource.JAVA)) {
            List<String> answers = pool.map(inputs);
            for (String answer : answers) {
                Scanner scanner = new Scanner(answer);
                while (scanner.hasNext()) {
                    total.merge(scanner.next(), scanner.nextLong(), Long::sum);
                }
            }
        }
        return total;
    }
}
