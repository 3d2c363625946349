package course.workers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An echo server in a worker process, for measuring inter-process round trips over sockets.
 *
 * <ul>
 *   <li>{@code SocketEcho tcp}: listens on the loopback address ({@code 127.0.0.1}), on a free port.</li>
 *   <li>{@code SocketEcho unix <path>}: listens on a Unix-domain socket at {@code path} (a file that
 *       must not exist yet; it is deleted when the server ends, also when it is ended with
 *       {@code destroy()}, though not with {@code destroyForcibly()}).</li>
 * </ul>
 *
 * <p>It prints one line, {@code LISTENING <port or path>}, then serves one client at a time, sending
 * back every byte it receives. It ends when its standard input ends (the parent closed it, or the
 * parent is gone).
 */
public final class SocketEcho {

    private SocketEcho() {
    }

    /** Listens, reports the address, echoes until standard input ends. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("tcp") && args.length == 1 || args[0].equals("unix") && args.length == 2)) {
            System.err.println("usage: SocketEcho tcp | SocketEcho unix <socket path>");
            System.exit(2);
        }
        ServerSocketChannel server;
        String where;
        Path socketFile = null;
        if (args[0].equals("tcp")) {
            server = ServerSocketChannel.open(StandardProtocolFamily.INET);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            where = Integer.toString(((InetSocketAddress) server.getLocalAddress()).getPort());
        } else {
            socketFile = Path.of(args[1]).toAbsolutePath();
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socketFile));
            where = socketFile.toString();
        }
        Path toDelete = socketFile;
        // destroy() (SIGTERM) skips the finally block below but runs shutdown hooks: remove the socket file there too,
        // or the next server on the same path fails with "Address already in use"
        Runtime.getRuntime().addShutdownHook(new Thread(() -> cleanUp(server, toDelete)));
        Thread acceptor = Thread.ofPlatform().daemon().name("echo-acceptor").start(() -> serve(server));
        System.out.println("LISTENING " + where);
        System.out.flush();
        try {
            awaitEnd(System.in);
        } finally {
            cleanUp(server, socketFile);
            acceptor.join(2_000);
        }
    }

    /** Closes the server and deletes its socket file, if any; safe to call twice. */
    private static void cleanUp(ServerSocketChannel server, Path socketFile) {
        try {
            server.close();
            if (socketFile != null) {
                Files.deleteIfExists(socketFile);
            }
        } catch (IOException ignored) {
            // nothing more to do on the way out
        }
    }

    /** Accepts clients one after another and echoes each until it disconnects. */
    private static void serve(ServerSocketChannel server) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                if (client.getRemoteAddress() instanceof InetSocketAddress) {
                    client.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                echo(client);
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
            }
        }
    }

    /** Sends back every byte read from {@code channel} until the other side closes it. */
    static void echo(SocketChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        while (channel.read(buffer) >= 0) {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }
    }

    /**
     * Connects to an echo server: {@code tcp} with a port on the loopback address, or a socket path
     * for {@code unix}; the address part of the {@code LISTENING} line.
     */
    public static SocketChannel connect(String listeningLine) throws IOException {
        if (listeningLine == null || !listeningLine.startsWith("LISTENING ")) {
            throw new IllegalArgumentException("expected the server's line 'LISTENING <port or path>', got '" + listeningLine
                    + "' (did the worker fail to start? look at its standard error)");
        }
        String where = listeningLine.substring("LISTENING ".length()).strip();
        SocketAddress address = where.chars().allMatch(Character::isDigit)
                ? new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(where))
                : UnixDomainSocketAddress.of(where);
        SocketChannel channel = SocketChannel.open(address);
        if (address instanceof InetSocketAddress) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        return channel;
    }

    /**
     * Sends {@code message} and reads the same number of bytes back, {@code times} times: the
     * client side of a round-trip measurement. Returns the bytes received in total.
     *
     * @throws IOException if the server closes the connection early or echoes something else
     */
    public static long roundTrips(SocketChannel channel, byte[] message, int times) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(message);
        ByteBuffer in = ByteBuffer.allocate(message.length);
        long received = 0;
        for (int i = 0; i < times; i++) {
            out.clear();
            while (out.hasRemaining()) {
                channel.write(out);
            }
            in.clear();
            while (in.hasRemaining()) {
                if (channel.read(in) < 0) {
                    throw new IOException("the echo server closed the connection after " + received + " bytes");
                }
            }
            if (!in.flip().equals(ByteBuffer.wrap(message))) {
                throw new IOException("the echo server sent back different bytes");
            }
            received += message.length;
        }
        return received;
    }

    private static void awaitEnd(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // only the end matters
        }
    }
}
