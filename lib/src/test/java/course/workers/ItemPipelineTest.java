package course.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.process.WorkerJvm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ItemPipelineTest {

    @AfterEach
    void noChildSurvives() {
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    void producerWritesItemsThenDone() {
        var bytes = new ByteArrayOutputStream();
        ItemProducer.produce(3, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(List.of("item 1", "item 2", "item 3", "DONE"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void consumerCountsUntilDone() throws Exception {
        var bytes = new ByteArrayOutputStream();
        int code = ItemConsumer.consume(new StringReader("item 1\nitem 2\nDONE\nitem 3\n"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        assertEquals("consumed 2 items in process " + ProcessHandle.current().pid(), bytes.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void consumerSaysWhenInputEndsWithoutDone() throws Exception {
        var bytes = new ByteArrayOutputStream();
        assertEquals(1, ItemConsumer.consume(new StringReader("item 1\n"), new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("without DONE"));
    }

    @Test
    void onePipeBetweenTheProcessesCarriesEveryItem() throws Exception {
        List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder(command(ItemProducer.class, "1000")),
                new ProcessBuilder(command(ItemConsumer.class))));
        try {
            Process consumer = pipeline.getLast();
            String report = consumer.inputReader().readLine();
            assertTrue(consumer.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, consumer.exitValue());
            assertEquals("consumed 1000 items in process " + consumer.pid(), report);
        } finally {
            pipeline.forEach(Process::destroyForcibly);
            for (Process p : pipeline) {
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void twoSeparateChannelsLeaveTheConsumerWaiting() throws Exception {
        try (var producer = WorkerJvm.start(ItemProducer.class, "5");
             var consumer = WorkerJvm.start(ItemConsumer.class)) {
            assertEquals(0, producer.waitFor(Duration.ofSeconds(30))); // its items sit in its own pipe
            // the consumer waits for items nobody sends it
            assertThrows(TimeoutException.class, () -> consumer.waitFor(Duration.ofMillis(500)));
            consumer.stdin().close();
            assertEquals(1, consumer.waitFor(Duration.ofSeconds(30)));
        }
    }

    private static List<String> command(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(WorkerJvm.javaExecutable().toString(), "-Xmx64m",
                "-cp", WorkerJvm.classpath(), main.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
