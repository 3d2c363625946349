package course.exercises.choosing;

import java.time.Duration;

/** Predictions made before measuring, from the shape of the work and the machine. */
public interface Predictor {

    /**
     * The speedup Amdahl's law predicts for a job whose {@code serialFraction} (0 to 1) must run on one
     * thread, the rest split evenly over {@code threads} threads, on a machine with {@code cores} cores:
     * threads beyond the cores take turns and add nothing.
     */
    double speedup(int threads, int cores, double serialFraction);

    /**
     * How long {@code tasks} tasks take when each waits {@code latency} (and barely uses a CPU) and at most
     * {@code concurrency} of them wait at the same time: they run in waves. Zero tasks take no time.
     */
    Duration ioTime(int tasks, int concurrency, Duration latency);
}
