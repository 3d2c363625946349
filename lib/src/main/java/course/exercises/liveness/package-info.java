/**
 * Exercise 04-contention-and-liveness, a diagnose exercise: a {@link course.exercises.liveness.Warehouse}
 * that hangs and one that stays busy without getting anywhere, run by a bounded {@link course.exercises.liveness.Shift};
 * the learner names each bug ({@link course.exercises.liveness.Diagnosis}) and writes a warehouse that neither hangs
 * nor starves, keeps its books consistent and lets the courier's slow calls overlap.
 */
package course.exercises.liveness;
