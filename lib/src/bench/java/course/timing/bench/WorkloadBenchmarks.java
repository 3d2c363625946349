package course.timing.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JMH's view of the reference workloads: average time per operation. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WorkloadBenchmarks {

    private int[] data;

    @Setup
    public void setUp() {
        data = Workloads.randomArray(Workloads.SORT_LENGTH, Workloads.SEED);
    }

    @Benchmark
    public int primes() {
        return Workloads.countPrimes(Workloads.PRIME_LIMIT);
    }

    @Benchmark
    public double pi() {
        return Workloads.monteCarloPi(Workloads.PI_SAMPLES, Workloads.SEED);
    }

    @Benchmark
    public long sort() {
        return Workloads.sortCopy(data);
    }
}
