package course.timing;

import java.util.function.UnaryOperator;

/**
 * Quick mode: {@code COURSE_QUICK} set to any non-empty value but {@code 0} (as in CI and the
 * notebook tests) asks every demo to do less: sweeps run fewer rounds in a smaller budget, and
 * demos with 100 000 tasks scale down.
 *
 * <pre>{@code
 * int tasks = Quick.choose(100_000, 2_000);   // full size normally, small under COURSE_QUICK
 * }</pre>
 */
public final class Quick {

    /** The environment variable that turns quick mode on. */
    public static final String VARIABLE = "COURSE_QUICK";

    private Quick() {
    }

    /** Whether quick mode is on in this process's environment. */
    public static boolean enabled() {
        return enabled(System::getenv);
    }

    /**
     * Whether quick mode is on in the given environment: tests pass a map's {@code get} instead of
     * changing the real environment.
     */
    public static boolean enabled(UnaryOperator<String> environment) {
        String value = environment.apply(VARIABLE);
        return value != null && !value.isBlank() && !value.strip().equals("0");
    }

    /** {@code full} normally, {@code quick} in quick mode. */
    public static int choose(int full, int quick) {
        return enabled() ? quick : full;
    }
}
