package course.grading;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A test of an exercise's test class, as the grader lists it.
 *
 * @param method    the test method's name
 * @param name      its display name (what students read)
 * @param points    what it is worth ({@link Points}, default 1)
 * @param dependsOn the earlier tests it builds on ({@link DependsOn}), by method name
 */
public record GradedTest(String method, String name, int points, List<String> dependsOn) {

    /** Defensive copy. */
    public GradedTest {
        dependsOn = List.copyOf(dependsOn);
    }

    /** The {@code @Test} methods of {@code testClass}, in {@code @Order}. */
    public static List<GradedTest> of(Class<?> testClass) {
        return Arrays.stream(testClass.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class))
                .sorted(Comparator.comparingInt((Method m) -> m.isAnnotationPresent(Order.class)
                        ? m.getAnnotation(Order.class).value() : Integer.MAX_VALUE).thenComparing(Method::getName))
                .map(m -> new GradedTest(m.getName(),
                        m.isAnnotationPresent(DisplayName.class) ? m.getAnnotation(DisplayName.class).value() : m.getName(),
                        m.isAnnotationPresent(Points.class) ? m.getAnnotation(Points.class).value() : 1,
                        m.isAnnotationPresent(DependsOn.class) ? List.of(m.getAnnotation(DependsOn.class).value()) : List.of()))
                .toList();
    }
}
