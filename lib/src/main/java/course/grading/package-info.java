/**
 * Grading, as exercise-test authors and notebooks see it. For test authors: {@link course.grading.Graded}
 * marks an exercise's test class, {@link course.grading.Points} and {@link course.grading.DependsOn}
 * its tests, {@link course.grading.Submission} gives the student's classes,
 * {@link course.grading.Stress}, {@link course.grading.Deadlocks} and {@link course.grading.Locks}
 * race threads and explain hangs, {@link course.grading.Inconclusive} says a test could not decide
 * on this machine, {@link course.grading.Feedback} words failures. For notebooks:
 * {@link course.grading.Check#run} runs the tests in the kernel and shows a {@link course.grading.CheckResult}.
 *
 * <p>The batch tools ({@code ./course grade}) are in {@code course.grading.batch}, which uses this
 * package; this package never uses it.
 */
package course.grading;
