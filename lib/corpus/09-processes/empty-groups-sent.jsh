// kind: bug
// bug_class: work split (more workers than files: empty groups sent)
// expect_fail: edgeCases
// feedback: task failed on input ''
// about: every worker gets a group, empty or not, and the worker reads every line as a path
// ==== cell 09-processes-6
class ProcessWordCounter implements WordCounter {
    public Map<String, Long> count(List<Path> files, int workers) throws Exception {
        List<String> groups = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            StringBuilder group = new StringBuilder();
            for (int i = w; i < files.size(); i += workers) {
                group.append(files.get(i).toAbsolutePath()).append('\n');
            }
            groups.add(group.toString());
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
// ==== cell 09-processes-4
class CountWordsSource {
    static final String JAVA = """
        import java.nio.file.*;
        import java.util.*;

        public class CountWords implements WorkerTask {
            public String apply(String input) throws Exception {
                Map<String, Long> counts = new HashMap<>();
                for (String file : input.split("\\n")) {
                    String text = Files.readString(Path.of(file));
                    StringBuilder word = new StringBuilder();
                    for (int i = 0; i <= text.length(); i++) {
                        char c = i < text.length() ? text.charAt(i) : ' ';
                        if (Character.isLetter(c)) {
                            word.append(c);
                        } else if (!word.isEmpty()) {
                            counts.merge(word.toString().toLowerCase(Locale.ROOT), 1L, Long::sum);
                            word.setLength(0);
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
