package course.exercises.processes;

import static course.grading.Feedback.require;

import course.grading.DependsOn;
import course.grading.Graded;
import course.grading.Points;
import course.grading.Stress;
import course.grading.Submission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 09-processes. Worker JVMs take a while to start, so the first three tests share
 * one observed run of the student's counter (made by the first of them, dropped after the class).
 */
@Graded("09-processes")
public class ProcessesTests {

    // One count call: it compiles the worker task and starts up to 5 worker JVMs. Measured in the grading
    // benchmark (2 cores): 4-6 s for the reference on two loaded CPUs, up to 14 s for 5 JVMs on one CPU at a
    // machine load average of 31; the limit leaves twice that. A count that hangs costs one limit: the edge
    // cases do not wait for it again, so the class ends well within the grader's 60 s per test JVM.
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final List<String> VOCABULARY = List.of("the", "The", "THE", "thread", "process", "Process",
            "pool", "lock", "don't", "café", "Café", "naïve", "co-op", "x2y", "queue", "worker", "fork", "join", "a", "I");
    private static final List<String> SEPARATORS = List.of(" ", " ", " ", ", ", ". ", "!\n", "\n", "\t", " -- ", "; ", "(", ")");

    /** One call of the student's counter, watched from outside. */
    private record Observed(Map<String, Long> counts, Throwable failure, int peakChildren, List<ProcessHandle> survivors,
            Map<String, Long> expected, int workers, int files) {
    }

    // Lives for one run of this class only (set by the first test that needs it, cleared before and after the class).
    private static volatile Observed shared;

    @BeforeAll
    @AfterAll
    static void forget() {
        shared = null;
    }

    @Test
    @Order(1)
    @Points(3)
    @DisplayName("counts match a sequential count")
    void countsMatch() throws Throwable {
        Observed o = sharedRun();
        compare(o);
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("the counting runs in one process per worker")
    void usesWorkerProcesses() throws Throwable {
        Observed o = sharedRun();
        rethrow(o);
        require(o.peakChildren() > 0, "no worker processes: the words were counted in this JVM (start a ProcessPool"
                + " with ProcessPool.fromSource(workers, ...) and give each worker a group of files)");
        require(o.peakChildren() >= o.workers(), "only %d worker process(es) ran at once for %d workers and %d files",
                o.peakChildren(), o.workers(), o.files());
        require(o.peakChildren() <= o.workers(), "limit exceeded: %d worker processes ran at once for %d workers (%d files):"
                + " start one worker per group, at most `workers` of them", o.peakChildren(), o.workers(), o.files());
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("no worker process survives")
    void noSurvivors() throws Throwable {
        Observed o = sharedRun();
        rethrow(o);
        require(o.survivors().isEmpty(), "left %d worker process(es) running after count returned (pids %s); the grader"
                + " killed them: close the pool (try-with-resources)", o.survivors().size(),
                o.survivors().stream().map(p -> String.valueOf(p.pid())).collect(Collectors.joining(", ")));
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("more workers than files, and no files at all")
    @DependsOn({"countsMatch", "noSurvivors"})
    void edgeCases() throws Throwable {
        Observed first = shared;
        if (first != null && first.failure() instanceof AssertionError hang && String.valueOf(hang.getMessage()).startsWith("hang")) {
            throw hang; // the same count hung on 5 files: not waited for again
        }
        Path dir = Files.createTempDirectory("graded-words-");
        try {
            List<Path> files = corpus(dir, 2, 11);
            Observed few = observe(files, 3);
            compare(few);
            require(few.survivors().isEmpty(), "left %d worker process(es) running after count returned (close the pool)",
                    few.survivors().size());
            Observed none = observe(List.of(), 2);
            rethrow(none);
            require(none.counts() != null && none.counts().isEmpty(), "no files must give no words, got %s", none.counts());
        } finally {
            delete(dir);
        }
    }

    private static synchronized Observed sharedRun() throws IOException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("graded-words-");
            try {
                shared = observe(corpus(dir, 5, 7), 2);
            } finally {
                delete(dir);
            }
        }
        return shared;
    }

    /** Runs the student's count, sampling this JVM's child processes while it runs. */
    private static Observed observe(List<Path> files, int workers) throws IOException {
        Map<String, Long> expected = new TreeMap<>();
        for (Path f : files) {
            countInto(Files.readString(f), expected);
        }
        Set<Long> before = ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
        AtomicInteger peak = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread sampler = Thread.ofPlatform().daemon().name("process-sampler").start(() -> {
            while (!stop.get()) {
                int n = (int) ProcessHandle.current().children().filter(p -> !before.contains(p.pid()) && p.isAlive()).count();
                peak.accumulateAndGet(n, Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Map<String, Long> counts = null;
        Throwable failure = null;
        try {
            WordCounter counter = Submission.create(WordCounter.class);
            counts = Stress.bounded("count-caller", LIMIT, Map.of(), () -> counter.count(files, workers));
        } catch (Throwable e) {
            failure = e;
        } finally {
            stop.set(true);
            try {
                sampler.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ProcessHandle> survivors = ProcessHandle.current().children()
                .filter(p -> !before.contains(p.pid()) && p.isAlive()).toList();
        for (ProcessHandle p : survivors) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (ProcessHandle p : survivors) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported as a survivor anyway
            }
        }
        return new Observed(counts, failure, peak.get(), survivors, expected, workers, files.size());
    }

    private static void compare(Observed o) throws Throwable {
        rethrow(o);
        Map<String, Long> got = o.counts();
        require(got != null, "count returned null instead of a map");
        for (String word : got.keySet()) {
            require(word != null && !word.isEmpty(), "an empty word was counted (%d times): skip empty pieces", got.get(word));
            require(word.equals(word.toLowerCase(Locale.ROOT)), "\"%s\" is not lowercased: count \"The\" and \"THE\" as \"the\"", word);
            require(word.codePoints().allMatch(Character::isLetter), "\"%s\" is not a word: a word is a run of letters only"
                    + " (split at everything that is not a letter)", word);
        }
        for (var e : o.expected().entrySet()) {
            Long n = got.get(e.getKey());
            require(n != null, "the word \"%s\" (%,d times in the files) is missing", e.getKey(), e.getValue());
            require(n.longValue() == e.getValue(), "wrong count for \"%s\": expected %,d, got %,d%s", e.getKey(), e.getValue(), n,
                    n < e.getValue() ? " (are the counts of every worker added up, not overwritten?)" : " (was a file counted twice?)");
        }
        require(got.size() == o.expected().size(), "%d words expected, got %d", o.expected().size(), got.size());
    }

    private static void rethrow(Observed o) throws Throwable {
        if (o.failure() != null) {
            throw o.failure();
        }
    }

    /** The oracle: the contract's rule, letters only, lowercased. */
    static void countInto(String text, Map<String, Long> counts) {
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

    /** {@code n} text files (the second one empty when n > 2) of seeded random words and separators. */
    private static List<Path> corpus(Path dir, int n, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            StringBuilder text = new StringBuilder();
            // the empty file is the second, not the last: a split that drops the remainder loses words
            int words = n > 2 && f == 1 ? 0 : 2_000 + random.nextInt(1_000);
            for (int w = 0; w < words; w++) {
                text.append(VOCABULARY.get(random.nextInt(VOCABULARY.size())))
                        .append(SEPARATORS.get(random.nextInt(SEPARATORS.size())));
            }
            Path file = dir.resolve("text " + (f + 1) + ".txt");
            Files.writeString(file, text);
            files.add(file);
        }
        return files;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }

}
