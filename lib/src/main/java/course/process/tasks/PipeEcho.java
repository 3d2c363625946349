package course.process.tasks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * A main that writes back every line it reads, at once, until its input ends: run it with
 * {@code WorkerJvm.start(PipeEcho.class)} to measure the round-trip time of a message over pipes.
 */
public final class PipeEcho {

    private PipeEcho() {
    }

    /** Echoes standard input to standard output line by line, flushing after each line. */
    public static void main(String[] args) throws IOException {
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            out.write(line);
            out.newLine();
            out.flush();
        }
    }
}
