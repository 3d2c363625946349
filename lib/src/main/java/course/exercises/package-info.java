/**
 * The graded exercises: one package per exercise, holding the contract the student implements
 * and the JUnit 5 tests (with {@link course.grading.Points}) that grade it. {@link course.exercises.Catalog}
 * lists them for the batch grader.
 */
package course.exercises;
