package course.timing.bench;

import course.timing.Machine;
import course.timing.Sweep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Times the reference workloads with JMH (in forked JVMs) and with {@link Sweep} (in a JVM per workload) and
 * prints both, with their ratio: {@code ./mvnw -B -pl lib -Pbench verify}.
 *
 * <p>Each workload is timed by JMH and then at once by Sweep (in a JVM of its own, like a JMH fork), so that both see the same load on a
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
                + "Sweep: its own JVM, warm-up as long as JMH's, 40 measured rounds; " + Machine.current().summary());

        var lines = new ArrayList<String>();
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (String name : List.of("primes", "pi", "sort")) {
            var options = new OptionsBuilder()
                    .include(WorkloadBenchmarks.class.getName() + "\\." + name + "$")
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

            double[] sweep = sweepInOwnJvm(name, warmups);
            double median = sweep[0];
            double ratio = median / mean;
            ratios.put(name, ratio);
            lines.add(String.format(Locale.ROOT, "%-8s %9.3f ± %-7.3f %10.3f %12.3f %9.2f-%-8.2f %6.3f %8.3f",
                    name, mean, error, jmhMedian, median,
                    sweep[1], sweep[2], ratio, median / jmhMedian));
            System.out.println("  " + name + " done; " + Machine.current().summary());
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "%-8s %19s %10s %12s %18s %6s %8s%n",
                "workload", "JMH ms/op (99.9%)", "JMH median", "Sweep median", "Sweep min-max", "ratio", "ratio/med");
        lines.forEach(System.out::println);
        double worst = ratios.values().stream().mapToDouble(r -> Math.abs(r - 1)).max().orElse(0);
        System.out.printf(Locale.ROOT, "ratio = Sweep median / JMH ms/op; largest difference %.1f%% (goal: within 10%%); %s%n",
                100 * worst, Machine.current().summary());
    }

    /** Runs {@link SweepOne} in a fresh JVM with JMH's heap flags; returns median, min, max in ms. */
    private static double[] sweepInOwnJvm(String workload, int warmupSeconds) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(java, "-Xmx1g", "--sun-misc-unsafe-memory-access=allow", "-cp",
                System.getProperty("java.class.path"), SweepOne.class.getName(), workload, String.valueOf(warmupSeconds));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
            line = out.lines().reduce((a, b) -> b).orElse("");
        }
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("the Sweep JVM for " + workload + " failed: " + line);
        }
        String[] f = line.trim().split(" ");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    }

    private static double median(ArrayList<Double> values) {
        var v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
