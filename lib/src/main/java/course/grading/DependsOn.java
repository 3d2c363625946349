package course.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that a graded test builds on earlier tests of its class (named by method): when this test
 * fails and one of them failed too, the report says it "fails only because" the earlier test
 * failed, so one bug reads as one failure with one diagnosis. The test still runs and its points
 * are still lost: a dependent failure is a consequence, not a pardon.
 *
 * <pre>{@code
 * @Test @Order(2) @DependsOn("singleTransfer")
 * void totalConserved() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DependsOn {
    /** The method names of the earlier tests this one builds on. */
    String[] value();
}
