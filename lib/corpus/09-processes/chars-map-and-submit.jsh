// kind: correct
// about: the worker maps every non-letter to a space and splits; the parent submits each group and merges as answers arrive
// ==== cell 09-processes-4
class CountWordsSource {
    static final String JAVA = """
        import java.nio.file.*;
        import java.util.*;

        public class CountWords implements WorkerTask {
            public String apply(String input) throws Exception {
                Map<String, Long> counts = new HashMap<>();
                for (String file : input.lines().filter(l -> !l.isBlank()).toList()) {
                    char[] text = Files.readString(Path.of(file)).toCharArray();
                    for (int i = 0; i < text.length; i++) {
                        text[i] = Character.isLetter(text[i]) ? Character.toLowerCase(text[i]) : ' ';
                    }
                    for (String w : new String(text).split(" ")) {
                        if (!w.isEmpty()) {
                            counts.merge(w.toLowerCase(Locale.ROOT), 1L, Long::sum);
                        }
                    }
                }
                StringBuilder out = new StringBuilder();
                counts.forEach((w, n) -> out.append(w).append(' ').append(n).append(' '));
                return out.toString().strip();
            }
        }
        """;
}
// ==== cell 09-processes-6
class ProcessWordCounter implements WordCounter {
    public Map<String, Long> count(List<Path> files, int workers) throws Exception {
        Map<Integer, StringBuilder> groups = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            groups.computeIfAbsent(i % workers, k -> new StringBuilder()).append(files.get(i).toAbsolutePath()).append('\n');
        }
        Map<String, Long> total = new ConcurrentHashMap<>();
        if (groups.isEmpty()) {
            return total;
        }
        try (var pool = ProcessPool.fromSource(groups.size(), "CountWords", CountWordsSource.JAVA)) {
            List<CompletableFuture<Void>> merged = new ArrayList<>();
            for (StringBuilder group : groups.values()) {
                merged.add(pool.submit(group.toString()).thenAccept(answer -> {
                    String[] parts = answer.isBlank() ? new String[0] : answer.split(" ");
                    for (int i = 0; i + 1 < parts.length; i += 2) {
                        total.merge(parts[i], Long.parseLong(parts[i + 1]), Long::sum);
                    }
                }));
            }
            CompletableFuture.allOf(merged.toArray(CompletableFuture[]::new)).join();
        }
        return total;
    }
}
