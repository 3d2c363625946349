/**
 * The batch tools of grading: {@code ./course grade} ({@link course.grading.batch.GradeCommand})
 * compiles each submitted notebook's solution cells ({@link course.grading.batch.SubmissionCompiler})
 * and runs the exercise's tests in a sandboxed JVM of its own ({@link course.grading.batch.Sandbox},
 * {@link course.grading.batch.TestJvm}), several at once, then writes the gradebook and one feedback
 * file per student ({@link course.grading.batch.Gradebook}). The exercises are found by their
 * {@code @Graded} test classes ({@link course.grading.batch.Exercises}); {@link course.grading.batch.Catalogue}
 * prints them, with their points, for the Python side.
 *
 * <p>It depends on the test authors' API in {@code course.grading}; that API never depends on it.
 */
package course.grading.batch;
