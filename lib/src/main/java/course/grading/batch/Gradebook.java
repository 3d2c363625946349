package course.grading.batch;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * What a batch leaves behind: the CSV gradebook (one row per submission, one column per test),
 * the JSON report (everything, with the messages), and a Markdown feedback file per submission in
 * a {@code feedback/} folder beside the gradebook.
 */
final class Gradebook {

    private Gradebook() {
    }

    /** The gradebook as a table: student, file, exercise, earned, possible, percent, status, reason, then the tests' points. */
    static Table table(List<SubmissionReport> reports) {
        Set<String> testColumns = new LinkedHashSet<>();
        for (SubmissionReport r : reports) {
            r.tests().forEach(t -> testColumns.add(r.exercise() + ": " + t.test()));
        }
        Table table = Table.create("gradebook",
                StringColumn.create("student", reports.stream().map(SubmissionReport::student).toList()),
                StringColumn.create("file", reports.stream().map(SubmissionReport::file).toList()),
                StringColumn.create("exercise", reports.stream().map(SubmissionReport::exercise).toList()),
                IntColumn.create("earned", reports.stream().mapToInt(SubmissionReport::earned).toArray()),
                IntColumn.create("possible", reports.stream().mapToInt(SubmissionReport::possible).toArray()),
                StringColumn.create("percent", reports.stream().map(r -> String.format(Locale.ROOT, "%.1f", r.percent())).toList()),
                StringColumn.create("status", reports.stream().map(SubmissionReport::status).toList()),
                StringColumn.create("reason", reports.stream().map(SubmissionReport::reason).toList()));
        for (String column : testColumns) {
            List<String> cells = new ArrayList<>();
            for (SubmissionReport r : reports) {
                Map<String, String> points = new HashMap<>();
                r.tests().forEach(t -> points.put(r.exercise() + ": " + t.test(), t.inconclusive() ? "inconclusive" : String.valueOf(t.earned())));
                cells.add(points.getOrDefault(column, ""));
            }
            table.addColumns(StringColumn.create(column, cells));
        }
        return table;
    }

    static void writeCsv(List<SubmissionReport> reports, Path file) throws IOException {
        createParent(file);
        table(reports).write().csv(CsvWriteOptions.builder(file.toFile()).header(true).build());
    }

    static void writeJson(List<SubmissionReport> reports, Path file, double seconds) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("submissions", reports);
        root.put("seconds", seconds);
        root.put("cores", Runtime.getRuntime().availableProcessors());
        createParent(file);
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n");
    }

    /** One Markdown file per submission in {@code dir}, named after the student and the exercise; returns how many. */
    static int writeFeedback(List<SubmissionReport> reports, Path dir) throws IOException {
        Files.createDirectories(dir);
        Set<String> used = new LinkedHashSet<>();
        for (SubmissionReport r : reports) {
            String base = (r.student() + (r.exercise().isEmpty() || r.student().contains(r.exercise()) ? "" : "-" + r.exercise()))
                    .replaceAll("[^A-Za-z0-9._-]+", "_");
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                name = base + "-" + n;
            }
            Files.writeString(dir.resolve(name + ".md"), r.feedback());
        }
        return reports.size();
    }

    private static void createParent(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
    }

}
