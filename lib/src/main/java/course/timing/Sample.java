package course.timing;

/**
 * One measured run of one configuration in one round of a {@link Sweep}.
 *
 * @param variant   the task's name
 * @param value     the parameter value ({@code null} in a {@link Sweep#compare()})
 * @param round     the measured round, from 0 (warm-up rounds are not kept)
 * @param wallNanos wall-clock time of the run
 * @param cpuNanos  CPU time of the whole process during the run; -1 if unknown
 */
public record Sample(String variant, Object value, int round, long wallNanos, long cpuNanos) {

    /** Wall time in milliseconds. */
    public double wallMillis() {
        return wallNanos / 1e6;
    }

    /** CPU time in milliseconds, NaN if unknown. */
    public double cpuMillis() {
        return cpuNanos < 0 ? Double.NaN : cpuNanos / 1e6;
    }
}
