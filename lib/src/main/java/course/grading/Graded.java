package course.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an exercise's test class: tests run in {@code @Order}, each in a separate thread with a
 * 15-second safety timeout (a hang becomes a failure that names the stuck threads), and each is
 * checked for threads and processes it leaves behind ({@link GradingExtension}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(GradingExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public @interface Graded {
    /** The exercise id, the notebook's name without extension, e.g. {@code "01-threads"}. */
    String value();
}
