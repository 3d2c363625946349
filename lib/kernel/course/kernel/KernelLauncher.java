package course.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.kernel.JavaKernel;
import org.dflib.jjava.kernel.magics.ClasspathMagic;
import org.dflib.jjava.kernel.magics.JarsMagic;
import org.dflib.jjava.kernel.magics.LoadMagic;
import org.dflib.jjava.kernel.magics.TimeMagic;
import org.dflib.jjava.maven.MavenDependencyResolver;
import org.dflib.jjava.maven.magics.AddMavenDependencyMagic;
import org.dflib.jjava.maven.magics.LoadFromPomCellMagic;
import org.dflib.jjava.maven.magics.LoadFromPomLineMagic;
import org.dflib.jjava.maven.magics.MavenMagic;
import org.dflib.jjava.maven.magics.MavenRepoMagic;

/**
 * Starts JJava's kernel so that it is ready as soon as it is connected: the kernel object is built and
 * connected first, and its own start-up work (JJava's notebook initializer, the {@code JJAVA_CLASSPATH}
 * and the {@code JJAVA_STARTUP_SCRIPTS_PATH} / {@code JJAVA_STARTUP_SCRIPT} snippets, which compile
 * through JShell) runs on a background thread. Requests that need JShell (execute, complete, inspect,
 * is_complete, interrupt) wait for that work to finish, so a first cell sees every start-up import, as
 * with JJava's own {@code org.dflib.jjava.distro.JJava} main class; {@code kernel_info}, history, comm and
 * shutdown requests are answered at once.
 *
 * <p>Configuration is JJava's, read from the same environment variables; compiled against the JJava
 * jar the kernel runs (see {@code lib/py/coursekit/kernel.py}). If JJava's internals it reaches by
 * reflection are missing, it starts JJava's own main class instead. With {@code COURSE_KERNEL_TRACE=1}
 * each start-up phase is timed on standard error (the kernel log).
 */
public final class KernelLauncher {
    private static final String STOCK_MAIN = "org.dflib.jjava.distro.JJava";
    private static final Pattern TIMEOUT = Pattern.compile("^(?<dur>-?\\d+)\\W*(?<unit>[A-Za-z]+)?$");
    private static final boolean TRACE = "1".equals(System.getenv("COURSE_KERNEL_TRACE"));
    private static final long T0 = System.nanoTime();

    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Throwable startupFailure;
    private volatile boolean failureReported;

    private KernelLauncher() {
    }

    /**
     * Starts the kernel for a Jupyter connection file and returns when the connection closes.
     *
     * @param args the connection file
     * @throws Exception if the connection file cannot be read or the sockets cannot be bound
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("Missing connection file argument");
        }
        Path connectionFile = Path.of(args[0]);
        if (!Files.isRegularFile(connectionFile)) {
            throw new IllegalArgumentException("Connection file '" + connectionFile + "' isn't a file.");
        }
        Env env;
        try {
            env = Env.read();
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("course kernel: this JJava version differs from the one the launcher was built for ("
                    + e + "); starting JJava's own main class instead.");
            Class.forName(STOCK_MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
            return;
        }
        new KernelLauncher().run(connectionFile, env);
    }

    private void run(Path connectionFile, Env env) throws Exception {
        System.setProperty("java.util.logging.SimpleFormatter.format", "[%4$.1s %1$tF %1$tT.%1$tL %3$s] %5$s%n");
        trace("main");
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(connectionFile));
        JupyterConnection connection = new JupyterConnection(props);
        JavaKernel kernel = build(env);
        trace("kernel built");
        kernel.becomeHandlerForConnection(connection);
        waitForStartup(connection, MessageType.EXECUTE_REQUEST);
        waitForStartup(connection, MessageType.COMPLETE_REQUEST);
        waitForStartup(connection, MessageType.INSPECT_REQUEST);
        waitForStartup(connection, MessageType.IS_COMPLETE_REQUEST);
        waitForStartup(connection, MessageType.INTERRUPT_REQUEST);
        Thread startup = new Thread(() -> startUp(kernel, env), "course-kernel-startup");
        startup.setDaemon(true); // a shutdown request during start-up must not wait for it
        Thread warmUp = new Thread(KernelLauncher::warmUp, "course-kernel-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        try {
            connection.connect();
        } catch (RuntimeException e) {
            // e.g. a port jupyter_client chose was taken before this kernel bound it: exit at once, so the
            // client sees a dead kernel (and may start another) instead of waiting for one that never answers
            // (the sockets bound so far keep non-daemon threads alive).
            System.err.println("course kernel: cannot bind the connection's sockets: " + e);
            System.exit(3);
        }
        trace("connected");
        startup.start();
        warmUp.start();
        connection.waitUntilClose();
    }

    /** The kernel JJava's main class builds, with the same name, version, options and magics. */
    @SuppressWarnings("removal") // two of JJava's magics are deprecated; JJava still registers them
    private static JavaKernel build(Env env) {
        MavenDependencyResolver maven = new MavenDependencyResolver();
        TimeMagic time = new TimeMagic();
        return JavaKernel.builder()
                .name("JJava")
                .version(jjavaVersion())
                .extensionsEnabled(env.extensionsEnabled)
                .compilerOpts(env.compilerOpts)
                .timeout(env.timeout, env.timeoutUnit)
                .lineMagic("load", new LoadMagic())
                .lineMagic("classpath", new ClasspathMagic())
                .lineMagic("time", time)
                .lineMagic("maven", new MavenMagic(maven))
                .lineMagic("mavenRepo", new MavenRepoMagic(maven))
                .lineMagic("loadFromPOM", new LoadFromPomLineMagic(maven))
                .lineMagic("jars", new JarsMagic())
                .lineMagic("addMavenDependency", new AddMavenDependencyMagic(maven))
                .cellMagic("loadFromPOM", new LoadFromPomCellMagic(maven))
                .cellMagic("time", time)
                .build();
    }

    /** JJava's notebook initializer, then the class path and start-up snippets, in JJava's order. */
    private void startUp(JavaKernel kernel, Env env) {
        try {
            kernel.onStartup();
            trace("JShell up (JJava's notebook initializer compiled)");
            kernel.addToClasspath(env.classpath);
            trace("class path added");
            for (String snippet : env.startupSnippets) {
                kernel.evalBuilder(snippet).resolveMagics().eval();
                trace("start-up script run");
            }
        } catch (Throwable t) {
            startupFailure = t;
            System.err.println("course kernel: the start-up script failed: " + t);
            t.printStackTrace();
        } finally {
            started.countDown();
        }
    }

    /**
     * While JShell compiles the start-up script (one core), prepares what a first chart needs on another: the
     * classes named in {@code COURSE_KERNEL_PRELOAD} (comma-separated) loaded and initialized, and Java2D's
     * fonts and PNG writer by drawing a small image in memory. Nothing of it is visible to the notebook.
     */
    private static void warmUp() {
        String preload = System.getenv("COURSE_KERNEL_PRELOAD");
        if (preload != null) {
            for (String name : preload.split(",")) {
                try {
                    Class.forName(name.strip(), true, ClassLoader.getSystemClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    System.err.println("course kernel: cannot preload " + name + ": " + e);
                }
            }
            trace("classes preloaded");
        }
        if (java.awt.GraphicsEnvironment.isHeadless()) {
            var image = new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_INT_ARGB);
            var g = image.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.drawString("warm-up", 1, 16);
            g.draw(new java.awt.geom.Line2D.Double(0, 0, 31, 31));
            g.dispose();
            try {
                javax.imageio.ImageIO.write(image, "png", new java.io.ByteArrayOutputStream());
            } catch (IOException e) {
                System.err.println("course kernel: PNG warm-up failed: " + e);
            }
            trace("Java2D and the PNG writer warmed up");
        }
    }

    private <T> void waitForStartup(JupyterConnection connection, MessageType<T> type) {
        ShellHandler<T> handler = connection.getHandler(type);
        connection.setHandler(type, (reply, message) -> {
            try {
                started.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (startupFailure != null && !failureReported && type == MessageType.EXECUTE_REQUEST) {
                failureReported = true;
                reply.writeToStdErr("The kernel's start-up script failed, so its imports may be missing: "
                        + startupFailure + "\n");
            }
            handler.handle(reply, message);
        });
    }

    private static String jjavaVersion() {
        Properties pom = new Properties();
        try (InputStream in = Class.forName(STOCK_MAIN).getClassLoader()
                .getResourceAsStream("META-INF/maven/org.dflib.jjava/jjava-distro/pom.properties")) {
            if (in != null) {
                pom.load(in);
            }
        } catch (IOException | ClassNotFoundException e) {
            return "";
        }
        return pom.getProperty("version", "");
    }

    private static void trace(String phase) {
        if (TRACE) {
            System.err.printf("course kernel: %6.0f ms %s%n", (System.nanoTime() - T0) / 1e6, phase);
        }
    }

    /** JJava's environment variables, read by JJava's own (package-private) {@code Env} class. */
    private record Env(boolean extensionsEnabled, List<String> compilerOpts, String classpath,
                       List<String> startupSnippets, long timeout, TimeUnit timeoutUnit) {

        @SuppressWarnings("unchecked")
        static Env read() throws ReflectiveOperationException {
            Class<?> env = Class.forName("org.dflib.jjava.distro.Env");
            String timeout = System.getenv("JJAVA_TIMEOUT");
            long duration = -1;
            TimeUnit unit = TimeUnit.MILLISECONDS;
            if (timeout != null) {
                Matcher m = TIMEOUT.matcher(timeout);
                if (!m.matches()) {
                    throw new IllegalArgumentException("Invalid JJAVA_TIMEOUT, must match " + TIMEOUT + ": " + timeout);
                }
                duration = Long.parseLong(m.group("dur"));
                if (m.group("unit") != null) {
                    unit = TimeUnit.valueOf(m.group("unit").toUpperCase());
                }
            }
            return new Env((Boolean) call(env, "extensionsEnabled"), (List<String>) call(env, "compilerOpts"),
                    (String) call(env, "extraClasspath"), (List<String>) call(env, "startupSnippets"), duration, unit);
        }

        private static Object call(Class<?> type, String method) throws ReflectiveOperationException {
            Method m = type.getDeclaredMethod(method);
            m.setAccessible(true);
            return m.invoke(null);
        }
    }
}
