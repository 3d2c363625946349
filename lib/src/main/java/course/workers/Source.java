package course.workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;

/**
 * The Java source of a library class, so that a lesson can show the code a worker JVM runs instead
 * of only naming it: {@code System.out.println(Source.method(PipeEcho.class, "main"))}.
 *
 * <p>The source is read from {@code src/main/java} of the checkout the class was built in (found by
 * walking up from the class's jar or classes directory). Where there is no checkout, the text says
 * where to read the class instead; nothing throws.
 */
public final class Source {

    private Source() {
    }

    /** The class's source file without its package and import lines. */
    public static String of(Class<?> type) {
        Optional<List<String>> lines = lines(type);
        if (lines.isEmpty()) {
            return missing(type);
        }
        List<String> body = lines.get().stream()
                .dropWhile(l -> l.isBlank() || l.startsWith("package ") || l.startsWith("import "))
                .toList();
        return String.join("\n", body);
    }

    /**
     * The declaration of the first method (or constructor) called {@code name}, with the comment
     * lines just above it, up to its closing brace; unindented by the class body's indentation.
     */
    public static String method(Class<?> type, String name) {
        Optional<List<String>> found = lines(type);
        if (found.isEmpty()) {
            return missing(type);
        }
        List<String> lines = found.get();
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            String l = lines.get(i).strip();
            boolean declaration = !l.startsWith("*") && !l.startsWith("//") && !l.startsWith("return ")
                    && l.matches(".*\\b" + java.util.regex.Pattern.quote(name) + "\\(.*") && l.endsWith("{")
                    && !l.contains(" new ") && !l.contains(" = ");
            if (declaration) {
                start = i;
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no method " + name
                    + " in its source; methods are declared on one line ending with '{'");
        }
        int end = closingBrace(lines, start);
        int first = start;
        while (first > 0 && isComment(lines.get(first - 1))) {
            first--;
        }
        String indent = lines.get(start).substring(0, lines.get(start).indexOf(lines.get(start).strip()));
        StringBuilder out = new StringBuilder();
        for (String l : lines.subList(first, end + 1)) {
            out.append(l.startsWith(indent) ? l.substring(indent.length()) : l.strip()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static boolean isComment(String line) {
        String l = line.strip();
        return l.startsWith("/**") || l.startsWith("*") || l.startsWith("//") || l.startsWith("@");
    }

    /** Index of the line whose brace closes the one opened at {@code start} (braces in literals ignored). */
    private static int closingBrace(List<String> lines, int start) {
        int depth = 0;
        for (int i = start; i < lines.size(); i++) {
            String code = lines.get(i).replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                    .replaceAll("'(\\\\.|[^'\\\\])'", "''").replaceAll("//.*", "");
            for (char c : code.toCharArray()) {
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("unbalanced braces after line " + (start + 1));
    }

    private static Optional<List<String>> lines(Class<?> type) {
        return file(type).map(f -> {
            try {
                return Files.readAllLines(f);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + f, e);
            }
        });
    }

    /** The source file of a top-level class, if the checkout it was built from is here. */
    static Optional<Path> file(Class<?> type) {
        String relative = type.getName().replace('.', '/') + ".java";
        CodeSource code = type.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return Optional.empty();
        }
        try {
            for (Path dir = Path.of(code.getLocation().toURI()); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("src/main/java").resolve(relative);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String missing(Class<?> type) {
        return "(the source of " + type.getName() + " is not in this installation; read it in the course's"
                + " repository at lib/src/main/java/" + type.getName().replace('.', '/') + ".java)";
    }
}
