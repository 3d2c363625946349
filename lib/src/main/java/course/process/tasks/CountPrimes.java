package course.process.tasks;

import course.process.WorkerTask;
import course.workload.Cpu;

/**
 * Counts primes in a worker: input {@code "LIMIT"} (primes below it) or {@code "FROM TO"} (primes in
 * {@code [FROM, TO)}); output the count, e.g. {@code "0 100"} gives {@code "25"}.
 */
public final class CountPrimes implements WorkerTask {

    /** Creates the task (the worker does this once). */
    public CountPrimes() {
    }

    @Override
    public String apply(String input) {
        String[] parts = input.strip().split("[\\s,]+");
        try {
            long count = switch (parts.length) {
                case 1 -> Cpu.countPrimes(0L, Long.parseLong(parts[0]));
                case 2 -> Cpu.countPrimes(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                default -> throw new NumberFormatException();
            };
            return Long.toString(count);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CountPrimes expects \"LIMIT\" or \"FROM TO\", got '" + input + "'");
        }
    }
}
