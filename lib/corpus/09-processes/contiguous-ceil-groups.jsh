// kind: correct
// about: contiguous groups of ceil(files / workers) files; the worker answers one "word=count" per line
// ==== cell 09-processes-4
class CountWordsSource {
    static final String JAVA = """
        import java.nio.file.*;
        import java.util.*;

        public class CountWords implements WorkerTask {
            public String apply(String input) throws Exception {
                Map<String, Long> counts = new TreeMap<>();
                for (String file : input.lines().filter(l -> !l.isBlank()).toList()) {
                    String text = Files.readString(Path.of(file));
                    int start = -1;
                    for (int i = 0; i <= text.length(); i++) {
                        boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
                        if (letter && start < 0) {
                            start = i;
                        } else if (!letter && start >= 0) {
                            counts.merge(text.substring(start, i).toLowerCase(Locale.ROOT), 1L, Long::sum);
                            start = -1;
                        }
                    }
                }
                StringJoiner out = new StringJoiner("\\n");
                counts.forEach((w, n) -> out.add(w + "=" + n));
                return out.toString();
            }
        }
        """;
}
// ==== cell 09-processes-6
class ProcessWordCounter implements WordCounter {
    public Map<String, Long> count(List<Path> files, int workers) throws Exception {
        Map<String, Long> total = new HashMap<>();
        if (files.isEmpty()) {
            return total;
        }
        int per = (files.size() + workers - 1) / workers;
        List<String> groups = new ArrayList<>();
        for (int from = 0; from < files.size(); from += per) {
            List<Path> group = files.subList(from, Math.min(files.size(), from + per));
            groups.add(group.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining("\n")));
        }
        try (ProcessPool pool = ProcessPool.fromSource(groups.size(), "CountWords", CountWordsSource.JAVA)) {
            for (String answer : pool.map(groups)) {
                answer.lines().filter(l -> l.contains("=")).forEach(line -> {
                    int eq = line.indexOf('=');
                    total.merge(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)), Long::sum);
                });
            }
        }
        return total;
    }
}
