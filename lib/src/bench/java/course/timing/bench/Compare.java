package course.timing.bench;

import course.timing.Machine;
import course.timing.Sweep;
import course.timing.SweepResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Times the reference workloads with JMH (in forked JVMs) and with {@link Sweep} (in this JVM) and
 * prints both, with their ratio: {@code ./mvnw -B -pl lib -Pbench verify}.
 *
 * <p>Arguments: {@code forks warmupIterations measurementIterations} (default 2 3 5, one second
 * each), to trade time for precision.
 */
public final class Compare {

    private Compare() {
    }

    public static void main(String[] args) throws Exception {
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        System.out.println("JMH: " + forks + " forks x (" + warmups + " warm-up + " + iterations + " measured) 1 s iterations; "
                + Machine.current().summary());

        var options = new OptionsBuilder()
                .include(WorkloadBenchmarks.class.getName() + "\\.")
                .forks(forks)
                .warmupIterations(warmups).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
                .timeUnit(TimeUnit.MILLISECONDS)
                .jvmArgsAppend("-Xmx1g", "--sun-misc-unsafe-memory-access=allow")
                .verbosity(VerboseMode.SILENT)
                .build();
        var jmh = new LinkedHashMap<String, double[]>();
        for (RunResult r : new Runner(options).run()) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            var score = r.getPrimaryResult();
            jmh.put(name, new double[] {score.getScore(), score.getScoreError()});
        }

        int[] data = Workloads.randomArray(Workloads.SORT_LENGTH, Workloads.SEED);
        SweepResult sweep = Sweep.compare()
                .title("Reference workloads")
                .task("primes", (v, n) -> Workloads.countPrimes(Workloads.PRIME_LIMIT))
                .task("pi", (v, n) -> Workloads.monteCarloPi(Workloads.PI_SAMPLES, Workloads.SEED))
                .task("sort", (v, n) -> Workloads.sortCopy(data))
                .warmup(20).rounds(30).budget(Duration.ofMinutes(2))
                .run();

        System.out.println();
        System.out.printf(Locale.ROOT, "%-8s %18s %18s %18s %8s%n", "workload", "JMH ms/op (99.9%)", "Sweep median ms", "Sweep min-max ms", "ratio");
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (var e : jmh.entrySet()) {
            double median = sweep.medianMillis(e.getKey());
            double ratio = median / e.getValue()[0];
            ratios.put(e.getKey(), ratio);
            System.out.printf(Locale.ROOT, "%-8s %10.3f ± %5.3f %18.3f %9.2f-%-8.2f %8.3f%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                    median, sweep.minMillis(e.getKey(), null), sweep.maxMillis(e.getKey(), null), ratio);
        }
        double worst = ratios.values().stream().mapToDouble(r -> Math.abs(r - 1)).max().orElse(0);
        System.out.printf(Locale.ROOT, "largest difference: %.1f%% (goal: within 10%%); %s%n", 100 * worst, sweep.machine().summary());
    }
}
