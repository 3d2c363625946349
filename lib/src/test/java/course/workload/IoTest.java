package course.workload;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.server.LocalServer;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IoTest {

    @Test
    void sleepEndsOnInterruptAndRestoresTheFlag() throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        Thread sleeper = Thread.ofVirtual().start(() -> {
            try {
                Io.sleep(Duration.ofMinutes(5));
            } catch (Throwable t) {
                thrown.set(t);
                flagAfter.set(Thread.currentThread().isInterrupted());
            }
        });
        sleeper.interrupt();
        assertTrue(sleeper.join(Duration.ofSeconds(10)), "the sleeper should stop when interrupted");
        assertInstanceOf(CancellationException.class, thrown.get());
        assertInstanceOf(InterruptedException.class, thrown.get().getCause());
        assertTrue(flagAfter.get(), "the interrupt flag should be set again");
    }

    @Test
    void sleepOfZeroOrLessReturnsAtOnceEvenWhenInterrupted() {
        // an interrupted thread's real sleep throws at once, so returning normally here means no sleep happened
        Thread.currentThread().interrupt();
        try {
            assertDoesNotThrow(() -> Io.sleep(Duration.ZERO));
            assertDoesNotThrow(() -> Io.sleep(Duration.ofMillis(-5)));
            assertDoesNotThrow(() -> Io.sleep(0));
            assertTrue(Thread.currentThread().isInterrupted(), "a sleep that did not happen leaves the interrupt flag alone");
        } finally {
            Thread.interrupted();
        }
        CancellationException real = assertThrows(CancellationException.class, () -> {
            Thread.currentThread().interrupt();
            Io.sleep(1);
        }, "a positive sleep on an interrupted thread ends with a CancellationException");
        assertTrue(Thread.interrupted(), "and sets the flag again");
        assertInstanceOf(InterruptedException.class, real.getCause());
    }

    @Test
    void sleepLastsAtLeastTheDuration() {
        long start = System.nanoTime();
        Io.sleep(20);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= 19, "slept only " + elapsedMillis + " ms of 20"); // a busy machine only makes it longer
    }

    @Test
    void getReturnsTheBody() throws Exception {
        try (var server = LocalServer.start()) {
            assertEquals("item 3", Io.get(server.uri("/item/3")));
            assertEquals("item 4", Io.get(server.uri("/item/4").toString()));
            assertEquals("delay 5", Io.getAsync(server.uri("/delay/5")).get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void getThrowsWithTheStatusOnAnError() {
        try (var server = LocalServer.start()) {
            IOException e = assertThrows(IOException.class, () -> Io.get(server.uri("/fail")));
            assertTrue(e.getMessage().contains("500"), e.getMessage());
            assertTrue(e.getMessage().contains("/fail"), e.getMessage());
            IOException missing = assertThrows(IOException.class, () -> Io.get(server.uri("/nope")));
            assertTrue(missing.getMessage().contains("404"), missing.getMessage());
            CompletableFuture<String> async = Io.getAsync(server.uri("/fail"));
            ExecutionException ee = assertThrows(ExecutionException.class, () -> async.get(10, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, ee.getCause());
        }
    }
}
