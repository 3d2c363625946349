// kind: bug
// bug_class: wrong word rule (split at whitespace only)
// expect_fail: countsMatch, edgeCases
// feedback: is not a word
// about: punctuation stays glued to the words
// ==== cell 09-processes-4
class CountWordsSource {
    static final String JAVA = """
        import java.nio.file.*;
        import java.util.*;

        public class CountWords implements WorkerTask {
            public String apply(String input) throws Exception {
                Map<String, Long> counts = new HashMap<>();
                for (String file : input.lines().filter(l -> !l.isBlank()).toList()) {
                    String text = Files.readString(Path.of(file));
                    for (String word : text.split("[ \\t\\n]+")) {
                        if (!word.isEmpty()) {
                            counts.merge(word.toLowerCase(Locale.ROOT), 1L, Long::sum);
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
