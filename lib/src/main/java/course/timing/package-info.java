/**
 * Honest measurements: medians with spread, speedups measured within one run, and the machine
 * they were measured on.
 *
 * <p>{@link course.timing.Sweep} runs a workload over a parameter sweep and returns a
 * {@link course.timing.SweepResult}; {@link course.timing.Timeline} records which thread ran
 * which task when; {@link course.timing.Stopwatch} times one thing once; {@link course.timing.Sink}
 * keeps the JIT from deleting work whose result is unused.
 */
package course.timing;
