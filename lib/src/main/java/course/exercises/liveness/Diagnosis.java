package course.exercises.liveness;

/**
 * The learner's answers about the two given warehouses of the exercise notebook. The implementing
 * class has a constructor without parameters.
 */
public interface Diagnosis {

    /** What is wrong with {@code DepotV1}, the first version of the warehouse. */
    Finding first();

    /** What is wrong with {@code DepotV2}, the colleague's rewrite of it. */
    Finding second();
}
