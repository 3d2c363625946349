/**
 * The graded exercises: one package per exercise, holding the contract the student implements
 * and the JUnit 5 tests that grade it, marked {@link course.grading.Graded} with the exercise id:
 * the batch grader finds the exercises by that annotation ({@code course.grading.batch.Exercises}).
 */
package course.exercises;
