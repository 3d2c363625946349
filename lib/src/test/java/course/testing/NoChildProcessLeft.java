package course.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that returns while a child process of this JVM is still running, and kills those children so
 * the next test is not blamed for them. Use it on every test class that starts processes:
 * {@code @ExtendWith(NoChildProcessLeft.class)}.
 */
public final class NoChildProcessLeft implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        List<ProcessHandle> alive = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        if (!alive.isEmpty()) {
            alive.forEach(ProcessHandle::destroyForcibly);
            fail(context.getDisplayName() + " left " + alive.size() + " child process(es) running: " + alive.stream()
                    .map(h -> h.pid() + " " + h.info().commandLine().orElse("?"))
                    .collect(Collectors.joining("; ")));
        }
    }
}
