/**
 * Honest measurements: medians with spread, speedups measured within one run, and the machine
 * they were measured on.
 *
 * <p>{@link course.timing.Sweep} runs a workload over a parameter sweep and returns a
 * {@link course.timing.SweepResult}; {@link course.timing.Timeline} records which thread ran
 * which task when; {@link course.timing.Stopwatch} times one thing once; {@link course.timing.Sink}
 * keeps the JIT from deleting work whose result is unused; {@link course.timing.Stats} holds the
 * one median and percentile of the library; {@link course.timing.Verdict} says in plain words what a
 * run shows about an effect, or why it cannot show it ({@link course.timing.Conditions}).
 *
 * <p>This package depends on no other {@code course} package: results hand over Tablesaw tables,
 * notes and plain text, and progress goes to a {@link course.timing.SweepListener}; the display
 * side turns them into notebook output.
 */
package course.timing;
