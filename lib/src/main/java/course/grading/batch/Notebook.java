package course.grading.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Jupyter notebook (nbformat 4) as the grader sees it: its cells, their tags and source, and
 * the metadata entry {@code course.exercise} naming the exercise.
 *
 * @param path the file it was read from
 * @param json the whole document
 */
public record Notebook(Path path, JsonObject json) {

    /** The tag that marks the cells holding the student's solution. */
    public static final String SOLUTION_TAG = "solution";

    /**
     * A cell.
     *
     * @param index  its position in the notebook, from 1 (as students count)
     * @param type   "code" or "markdown"
     * @param tags   its metadata tags
     * @param source its text
     */
    public record Cell(int index, String type, List<String> tags, String source) {
    }

    /** Reads a notebook; fails with a message naming the file if it is not valid notebook JSON. */
    public static Notebook read(Path path) throws IOException {
        String text = Files.readString(path);
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject() || !root.getAsJsonObject().has("cells")) {
                throw new IOException(path.getFileName() + " is not a Jupyter notebook (no \"cells\"): re-download it from Jupyter");
            }
            return new Notebook(path, root.getAsJsonObject());
        } catch (JsonParseException e) {
            throw new IOException(path.getFileName() + " is not valid notebook JSON (" + rootMessage(e)
                    + "): open it in Jupyter and save it again, or re-download it", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage();
    }

    /** The cells in order. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        JsonArray array = json.getAsJsonArray("cells");
        for (int i = 0; i < array.size(); i++) {
            JsonObject cell = array.get(i).getAsJsonObject();
            List<String> tags = new ArrayList<>();
            JsonObject meta = cell.has("metadata") ? cell.getAsJsonObject("metadata") : new JsonObject();
            if (meta.has("tags")) {
                meta.getAsJsonArray("tags").forEach(t -> tags.add(t.getAsString()));
            }
            cells.add(new Cell(i + 1, cell.get("cell_type").getAsString(), tags, source(cell)));
        }
        return cells;
    }

    /** The code cells tagged {@value #SOLUTION_TAG}. */
    public List<Cell> solutionCells() {
        return cells().stream().filter(c -> c.type().equals("code") && c.tags().contains(SOLUTION_TAG)).toList();
    }

    /** The exercise id from the metadata ({@code metadata.course.exercise}), if present. */
    public Optional<String> exercise() {
        JsonObject meta = json.has("metadata") ? json.getAsJsonObject("metadata") : null;
        if (meta != null && meta.has("course") && meta.getAsJsonObject("course").has("exercise")) {
            return Optional.of(meta.getAsJsonObject("course").get("exercise").getAsString());
        }
        return Optional.empty();
    }

    /** A cell's source as one string (nbformat stores it as a string or a list of lines). */
    public static String source(JsonObject cell) {
        JsonElement src = cell.get("source");
        if (src == null) {
            return "";
        }
        if (src.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            src.getAsJsonArray().forEach(line -> sb.append(line.getAsString()));
            return sb.toString();
        }
        return src.getAsString();
    }

    /** A source string as nbformat's list of lines (each but the last ending with a newline). */
    public static JsonArray lines(String source) {
        JsonArray array = new JsonArray();
        int start = 0;
        while (start < source.length()) {
            int nl = source.indexOf('\n', start);
            int end = nl < 0 ? source.length() : nl + 1;
            array.add(source.substring(start, end));
            start = end;
        }
        return array;
    }

    /** The document as Jupyter writes it: one-space indentation, keys as given, a final newline. */
    public static String toJson(JsonObject json) {
        Gson gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();  // nbformat wants "execution_count": null
        StringWriter out = new StringWriter();
        try (JsonWriter writer = gson.newJsonWriter(out)) {
            writer.setIndent(" ");
            gson.toJson(json, writer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out + "\n";
    }
}
