package course.process.testing;

import course.process.WorkerTask;
import java.util.ArrayList;
import java.util.List;

/** A task that misbehaves on request: "exit", "oom", "hang", "throw"; anything else is upper-cased. */
public class Misbehave implements WorkerTask {

    @Override
    public String apply(String input) throws Exception {
        switch (input) {
            case "exit" -> System.exit(7);
            case "oom" -> {
                List<long[]> hog = new ArrayList<>();
                while (true) {
                    hog.add(new long[10_000_000]);
                }
            }
            case "hang" -> Thread.sleep(Long.MAX_VALUE);
            case "throw" -> throw new IllegalStateException("asked to throw");
            case "print" -> System.out.println("printed by the task, must not break the protocol");
            default -> {
            }
        }
        return input.toUpperCase();
    }
}
