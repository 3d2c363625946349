package course.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./course release}: generates the student notebooks from the instructor notebooks.
 *
 * <p>In cells tagged {@code solution}, each block from {@code // BEGIN SOLUTION} to
 * {@code // END SOLUTION} is replaced by {@code throw new UnsupportedOperationException("TODO");}
 * (indented like the marker), or, when the marker reads {@code // BEGIN SOLUTION: fields}, by a
 * comment inviting the student's fields. Outputs and execution counts are dropped from every cell.
 * With {@code --check} nothing is written: it exits 1 and names the student notebooks that differ
 * from what the instructor notebooks generate.
 */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Generate student exercise notebooks from the instructor notebooks (solutions removed).")
public final class ReleaseCommand implements Callable<Integer> {

    static final String BEGIN = "// BEGIN SOLUTION";
    static final String END = "// END SOLUTION";
    static final String TODO = "throw new UnsupportedOperationException(\"TODO\");";

    @Option(names = "--from", description = "instructor notebooks (default: ${DEFAULT-VALUE})")
    Path from = Path.of("lib/instructor/exercises");

    @Option(names = "--to", description = "student notebooks (default: ${DEFAULT-VALUE})")
    Path to = Path.of("notebooks/exercises");

    @Option(names = "--check", description = "only check that the student notebooks are up to date")
    boolean check;

    /** Runs the command. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ReleaseCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(from)) {
            System.err.println("no instructor notebooks at " + from.toAbsolutePath() + ": run from the repository root");
            return 2;
        }
        List<Path> sources;
        try (Stream<Path> list = Files.list(from)) {
            sources = list.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        List<String> stale = new ArrayList<>();
        Files.createDirectories(to);
        for (Path source : sources) {
            String student = release(Notebook.read(source));
            Path target = to.resolve(source.getFileName());
            boolean same = Files.exists(target) && Files.readString(target).equals(student);
            if (check) {
                if (!same) {
                    stale.add(target.toString());
                }
            } else if (!same) {
                Files.writeString(target, student);
                System.out.println("wrote " + target);
            } else {
                System.out.println("up to date " + target);
            }
        }
        if (check && !stale.isEmpty()) {
            System.err.println("out of sync with " + from + ": " + String.join(", ", stale)
                    + "\nrun ./course release and commit the result");
            return 1;
        }
        if (check) {
            System.out.println(sources.size() + " student notebooks in sync with " + from);
        }
        return 0;
    }

    /** The student version of an instructor notebook, as JSON text. */
    public static String release(Notebook instructor) {
        JsonObject json = instructor.json().deepCopy();
        JsonArray cells = json.getAsJsonArray("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) {
                continue;
            }
            cell.add("outputs", new JsonArray());
            cell.add("execution_count", JsonNull.INSTANCE);
            boolean solution = cell.has("metadata") && cell.getAsJsonObject("metadata").has("tags")
                    && cell.getAsJsonObject("metadata").getAsJsonArray("tags").toString().contains("\"solution\"");
            if (solution) {
                String where = instructor.path().getFileName() + " cell " + (i + 1);
                cell.add("source", Notebook.lines(strip(Notebook.source(cell), where)));
            }
        }
        return Notebook.toJson(json);
    }

    /** Replaces every solution block of {@code source}; {@code where} names the cell in errors. */
    public static String strip(String source, String where) {
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        for (String line : source.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith(BEGIN)) {
                if (inside) {
                    throw new IllegalArgumentException(where + ": nested " + BEGIN);
                }
                inside = true;
                String indent = line.substring(0, line.indexOf('/'));
                out.append(indent).append(trimmed.endsWith(": fields") ? "// your fields here" : TODO).append('\n');
            } else if (trimmed.startsWith(END)) {
                if (!inside) {
                    throw new IllegalArgumentException(where + ": " + END + " without " + BEGIN);
                }
                inside = false;
            } else if (!inside) {
                out.append(line).append('\n');
            }
        }
        if (inside) {
            throw new IllegalArgumentException(where + ": " + BEGIN + " without " + END);
        }
        return out.substring(0, out.length() - 1);
    }
}
