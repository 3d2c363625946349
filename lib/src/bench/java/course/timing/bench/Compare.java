package course.timing.bench;

import course.timing.Machine;
import course.timing.Sweep;
import course.timing.SweepResult;
import course.timing.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Times the reference workloads with JMH (in forked JVMs) and with {@link Sweep} (in this JVM) and
 * prints both, with their ratio: {@code ./mvnw -B -pl lib -Pbench verify}.
 *
 * <p>Each workload is timed by JMH and then at once by Sweep, so that both see the same load on a
 * shared machine. JMH's score is the mean over its iterations; the median of its iterations is
 * printed beside it because Sweep reports a median.
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
                + "Sweep: 10 warm-up + 40 measured rounds; " + Machine.current().summary());

        int[] data = Workloads.randomArray(Workloads.SORT_LENGTH, Workloads.SEED);
        var workloads = new LinkedHashMap<String, Task<Void>>();
        workloads.put("primes", (v, n) -> Workloads.countPrimes(Workloads.PRIME_LIMIT));
        workloads.put("pi", (v, n) -> Workloads.monteCarloPi(Workloads.PI_SAMPLES, Workloads.SEED));
        workloads.put("sort", (v, n) -> Workloads.sortCopy(data));

        var lines = new ArrayList<String>();
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (var w : workloads.entrySet()) {
            var options = new OptionsBuilder()
                    .include(WorkloadBenchmarks.class.getName() + "\\." + w.getKey() + "$")
                    .forks(forks)
                    .warmupIterations(warmups).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
                    .timeUnit(TimeUnit.MILLISECONDS)
                    .jvmArgsAppend("-Xmx1g", "--sun-misc-unsafe-memory-access=allow")
                    .verbosity(VerboseMode.SILENT)
                    .build();
            RunResult jmh = new Runner(options).runSingle();
            double mean = jmh.getPrimaryResult().getScore();
            double error = jmh.getPrimaryResult().getScoreError();
            var perIteration = new ArrayList<Double>();
            for (BenchmarkResult fork : jmh.getBenchmarkResults()) {
                for (IterationResult it : fork.getIterationResults()) {
                    perIteration.add(it.getPrimaryResult().getScore());
                }
            }
            double jmhMedian = median(perIteration);

            SweepResult sweep = Sweep.compare()
                    .title(w.getKey())
                    .task(w.getKey(), w.getValue())
                    .warmup(10).rounds(40).budget(Duration.ofMinutes(2))
                    .run();
            double median = sweep.medianMillis(w.getKey());
            double ratio = median / mean;
            ratios.put(w.getKey(), ratio);
            lines.add(String.format(Locale.ROOT, "%-8s %9.3f ± %-7.3f %10.3f %12.3f %9.2f-%-8.2f %6.3f %8.3f",
                    w.getKey(), mean, error, jmhMedian, median,
                    sweep.minMillis(w.getKey(), null), sweep.maxMillis(w.getKey(), null), ratio, median / jmhMedian));
            System.out.println("  " + w.getKey() + " done; " + Machine.current().summary());
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "%-8s %19s %10s %12s %18s %6s %8s%n",
                "workload", "JMH ms/op (99.9%)", "JMH median", "Sweep median", "Sweep min-max", "ratio", "ratio/med");
        lines.forEach(System.out::println);
        double worst = ratios.values().stream().mapToDouble(r -> Math.abs(r - 1)).max().orElse(0);
        System.out.printf(Locale.ROOT, "ratio = Sweep median / JMH ms/op; largest difference %.1f%% (goal: within 10%%); %s%n",
                100 * worst, Machine.current().summary());
    }

    private static double median(ArrayList<Double> values) {
        var v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
