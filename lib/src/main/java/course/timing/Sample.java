package course.timing;

import java.util.List;

/**
 * One measured run of one configuration in one round of a {@link Sweep}.
 *
 * @param variant   the task's name
 * @param value     the parameter value ({@code null} in a {@link Sweep#compare()})
 * @param round     the measured round, from 0 (warm-up rounds are not kept)
 * @param wallNanos wall-clock time of the run
 * @param cpuNanos  CPU time of the whole process during the run; -1 if unknown
 * @param <P>       the parameter's type
 */
public record Sample<P>(String variant, P value, int round, long wallNanos, long cpuNanos) {

    /** Wall time in milliseconds. */
    public double wallMillis() {
        return wallNanos / 1e6;
    }

    /** CPU time in milliseconds, NaN if unknown. */
    public double cpuMillis() {
        return cpuNanos < 0 ? Double.NaN : cpuNanos / 1e6;
    }

    /** Total CPU time over total wall time of the samples (1.0: one core busy throughout); NaN if any CPU time is unknown. */
    static double cpuPerWall(List<? extends Sample<?>> samples) {
        long cpu = 0;
        long wall = 0;
        for (Sample<?> s : samples) {
            if (s.cpuNanos() < 0) {
                return Double.NaN;
            }
            cpu += s.cpuNanos();
            wall += s.wallNanos();
        }
        return wall == 0 ? Double.NaN : (double) cpu / wall;
    }
}
