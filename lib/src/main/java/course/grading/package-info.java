/**
 * The grader: JUnit 5 tests with {@link course.grading.Points}, run in the notebook by
 * {@link course.grading.Check} or in batch by {@link course.grading.GradeCommand}, with the
 * concurrency tools the tests need ({@link course.grading.Stress}, {@link course.grading.Deadlocks})
 * and the tool that turns instructor notebooks into student notebooks ({@link course.grading.ReleaseCommand}).
 */
package course.grading;
