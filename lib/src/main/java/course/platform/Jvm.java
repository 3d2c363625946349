package course.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The running JVM as a program: where its {@code java} launcher is, so child JVMs run the same Java. */
public final class Jvm {

    private Jvm() {
    }

    /**
     * The {@code java} launcher of this JVM: the command this process was started with when that is a
     * {@code java} executable, else {@code bin/java} under {@code java.home}.
     */
    public static Path javaExecutable() {
        Optional<String> command = ProcessHandle.current().info().command();
        if (command.isPresent()) {
            Path path = Path.of(command.get());
            String name = path.getFileName().toString();
            if ((name.equals("java") || name.equals("java.exe")) && Files.isExecutable(path)) {
                return path;
            }
        }
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path java = bin.resolve("java");
        return Files.isExecutable(java) ? java : bin.resolve("java.exe");
    }
}
