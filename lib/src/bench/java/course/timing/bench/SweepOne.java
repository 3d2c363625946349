package course.timing.bench;

import course.timing.Sweep;
import course.timing.SweepResult;
import course.timing.Task;
import java.time.Duration;
import java.util.Locale;

/**
 * Times one reference workload with {@link Sweep} in a JVM of its own, as JMH times each benchmark
 * in forks of its own: no other workload's code shares the JIT's profiles. Warm-up lasts about as
 * long as JMH's. Prints {@code median min max} in milliseconds on one line.
 *
 * <p>Arguments: {@code workload warmupSeconds}.
 */
public final class SweepOne {

    private SweepOne() {
    }

    public static void main(String[] args) {
        String workload = args[0];
        double warmupSeconds = Double.parseDouble(args[1]);
        int[] data = Workloads.randomArray(Workloads.SORT_LENGTH, Workloads.SEED);
        Task<Void> task = switch (workload) {
            case "primes" -> (v, n) -> Workloads.countPrimes(Workloads.PRIME_LIMIT);
            case "pi" -> (v, n) -> Workloads.monteCarloPi(Workloads.PI_SAMPLES, Workloads.SEED);
            case "sort" -> (v, n) -> Workloads.sortCopy(data);
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
        long t0 = System.nanoTime();
        try {
            task.run(null, 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        double once = Math.max(1e-3, (System.nanoTime() - t0) / 1e9);
        int warmup = (int) Math.max(10, Math.ceil(warmupSeconds / once));
        SweepResult<Void> sweep = Sweep.compare().title(workload).task(workload, task)
                .warmup(warmup).rounds(40).budget(Duration.ofMinutes(2)).progress(false)
                .run();
        System.out.printf(Locale.ROOT, "%f %f %f %d%n", sweep.medianMillis(workload),
                sweep.minMillis(workload, null), sweep.maxMillis(workload, null), warmup);
    }
}
