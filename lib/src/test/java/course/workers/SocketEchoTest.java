package course.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.process.WorkerJvm;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketEchoTest {

    @AfterEach
    void noChildSurvives() {
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    void echoesOverLoopbackTcp() throws Exception {
        try (var server = WorkerJvm.start(SocketEcho.class, "tcp")) {
            String line = server.stdout().readLine();
            assertTrue(line.matches("LISTENING \\d+"), line);
            byte[] message = "ping 进程间通信".getBytes(StandardCharsets.UTF_8);
            try (SocketChannel channel = SocketEcho.connect(line)) {
                assertEquals(100L * message.length, SocketEcho.roundTrips(channel, message, 100));
            }
            try (SocketChannel again = SocketEcho.connect(line)) { // one client after another
                assertEquals(message.length, SocketEcho.roundTrips(again, message, 1));
            }
            server.stdin().close();
            assertEquals(0, server.waitFor(Duration.ofSeconds(30)));
        }
    }

    @Test
    void echoesOverAUnixDomainSocketAndRemovesIt(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("echo.sock");
        try (var server = WorkerJvm.start(SocketEcho.class, "unix", socket.toString())) {
            String line = server.stdout().readLine();
            assertEquals("LISTENING " + socket.toAbsolutePath(), line);
            byte[] big = new byte[100_000]; // larger than one read: echoed in pieces
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) i;
            }
            try (SocketChannel channel = SocketEcho.connect(line)) {
                assertEquals(2L * big.length, SocketEcho.roundTrips(channel, big, 2));
            }
            server.stdin().close();
            assertEquals(0, server.waitFor(Duration.ofSeconds(30)));
        }
        assertFalse(Files.exists(socket));
    }

    @Test
    void aServerEndedWithDestroyRemovesItsSocketSoTheNextCanBind(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("again.sock");
        for (int i = 0; i < 2; i++) {
            try (var server = WorkerJvm.start(SocketEcho.class, "unix", socket.toString())) {
                assertEquals("LISTENING " + socket.toAbsolutePath(), server.stdout().readLine(), server.stderrTail());
                server.handle().destroy(); // SIGTERM: no finally block, but shutdown hooks
                server.waitFor(Duration.ofSeconds(30));
            }
            assertFalse(Files.exists(socket), "the socket file outlived its server");
        }
    }

    @Test
    void roundTripsNoticesAServerThatSendsOtherBytes() throws Exception {
        try (var server = java.nio.channels.ServerSocketChannel.open()) {
            server.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            int port = ((java.net.InetSocketAddress) server.getLocalAddress()).getPort();
            Thread liar = Thread.ofPlatform().start(() -> {
                try (SocketChannel c = server.accept()) {
                    ByteBuffer b = ByteBuffer.allocate(4);
                    while (b.hasRemaining() && c.read(b) >= 0) {
                        // read the message
                    }
                    c.write(ByteBuffer.wrap("pong".getBytes(StandardCharsets.UTF_8)));
                } catch (IOException ignored) {
                    // the test fails on its side
                }
            });
            try (SocketChannel channel = SocketEcho.connect("LISTENING " + port)) {
                IOException e = assertThrows(IOException.class,
                        () -> SocketEcho.roundTrips(channel, "ping".getBytes(StandardCharsets.UTF_8), 1));
                assertTrue(e.getMessage().contains("different bytes"), e.getMessage());
            }
            liar.join(Duration.ofSeconds(10));
        }
    }

    @Test
    void connectExplainsAWrongLine() {
        var e = assertThrows(IllegalArgumentException.class, () -> SocketEcho.connect("Error: no main class"));
        assertTrue(e.getMessage().contains("LISTENING"), e.getMessage());
    }

    @Test
    void rejectsBadArguments() throws Exception {
        try (var server = WorkerJvm.start(SocketEcho.class, "udp")) {
            assertEquals(2, server.waitFor(Duration.ofSeconds(30)));
        }
    }
}
