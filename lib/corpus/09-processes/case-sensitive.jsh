// kind: bug
// bug_class: wrong word rule (not lowercased)
// expect_fail: countsMatch, edgeCases
// feedback: is not lowercased
// about: The and the are counted apart
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
                    StringBuilder word = new StringBuilder();
                    for (int i = 0; i <= text.length(); i++) {
                        char c = i < text.length() ? text.charAt(i) : ' ';
                        if (Character.isLetter(c)) {
                            word.append(c);
                        } else if (!word.isEmpty()) {
                            counts.merge(word.toString(), 1L, Long::sum);
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
