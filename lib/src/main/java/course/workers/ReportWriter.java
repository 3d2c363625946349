package course.workers;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a small report file slowly, for the "process safety" demo: {@code ReportWriter <file>
 * <lines> <msPerLine> direct|rename}.
 *
 * <ul>
 *   <li>{@code direct}: creates {@code file} at once and writes the lines into it one by one, so a
 *       reader that looks too early sees no file, an empty file, or half a report.</li>
 *   <li>{@code rename}: writes the lines into {@code file.part} next to it, then moves it onto
 *       {@code file} with {@link StandardCopyOption#ATOMIC_MOVE}, so {@code file} appears complete or
 *       not at all.</li>
 * </ul>
 *
 * <p>The report's lines are {@code line 1 of N} ... {@code line N of N}, then {@link #END}.
 */
public final class ReportWriter {

    /** The report's last line: a reader that sees it has the whole report. */
    public static final String END = "END";

    private ReportWriter() {
    }

    /** Writes the report as the arguments say. */
    public static void main(String[] args) throws Exception {
        if (args.length != 4 || !(args[3].equals("direct") || args[3].equals("rename"))) {
            System.err.println("usage: ReportWriter <file> <lines> <msPerLine> direct|rename");
            System.exit(2);
        }
        write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3].equals("rename"));
    }

    /** Writes the report to {@code file}, in place or through a temporary file and an atomic rename. */
    public static void write(Path file, int lines, int msPerLine, boolean rename) throws IOException, InterruptedException {
        if (lines < 0 || msPerLine < 0) {
            throw new IllegalArgumentException("lines and msPerLine must not be negative, got " + lines + " and " + msPerLine);
        }
        Path target = file.toAbsolutePath();
        Path written = rename ? target.resolveSibling(target.getFileName() + ".part") : target;
        try (BufferedWriter out = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= lines; i++) {
                Thread.sleep(msPerLine);
                out.write("line " + i + " of " + lines);
                out.newLine();
                out.flush(); // each line reaches the file on its own: a reader can see a part
            }
            out.write(END);
            out.newLine();
        }
        if (rename) {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Whether {@code text} is a whole report (its last line is {@link #END}). */
    public static boolean complete(String text) {
        return text.strip().endsWith("\n" + END) || text.strip().equals(END);
    }
}
