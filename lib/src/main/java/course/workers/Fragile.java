package course.workers;

import course.process.WorkerTask;
import course.workload.Cpu;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link WorkerTask} that can be told to fail in the ways a process can, to show that a failure in
 * a worker JVM stays in that worker (crash containment):
 *
 * <ul>
 *   <li>{@code "exit N"}: calls {@code System.exit(N)}: the whole worker JVM ends.</li>
 *   <li>{@code "oom"}: allocates until the heap is full ({@code OutOfMemoryError}; pool workers run
 *       with {@code -XX:+ExitOnOutOfMemoryError}, so the JVM ends).</li>
 *   <li>{@code "hang"}: sleeps (at most {@link #HANG_SECONDS} s), so the pool's task timeout fires.</li>
 *   <li>{@code "throw"}: throws an exception: only this input fails, the worker lives on.</li>
 *   <li>a number {@code N}: counts the primes below {@code N}, the normal work.</li>
 * </ul>
 *
 * <p>The answer names the worker's process: {@code "pid 4242: 25"}.
 */
public final class Fragile implements WorkerTask {

    /** How long {@code "hang"} sleeps: long enough to hit any sensible task timeout, yet bounded. */
    public static final int HANG_SECONDS = 60;

    /** Keeps the allocations of {@code "oom"} reachable, so they cannot be collected. */
    private final List<long[]> hoard = new ArrayList<>();

    /** Creates the task (a pool worker does this once). */
    public Fragile() {
    }

    @Override
    public String apply(String input) throws Exception {
        String command = input.strip();
        String pid = "pid " + ProcessHandle.current().pid() + ": ";
        if (command.startsWith("exit")) {
            String[] parts = command.split("\\s+");
            System.exit(parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
        }
        switch (command) {
            case "oom" -> {
                while (true) {
                    hoard.add(new long[1 << 20]); // 8 MiB at a time
                }
            }
            case "hang" -> {
                Thread.sleep(HANG_SECONDS * 1_000L);
                return pid + "woke up after " + HANG_SECONDS + " s";
            }
            case "throw" -> throw new IllegalStateException("Fragile was asked to throw");
            default -> {
                try {
                    return pid + Cpu.countPrimes(Integer.parseInt(command));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Fragile expects \"exit N\", \"oom\", \"hang\", \"throw\""
                            + " or a number, got '" + input + "'");
                }
            }
        }
    }
}
