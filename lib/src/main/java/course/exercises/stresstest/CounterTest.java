package course.exercises.stresstest;

import java.util.function.Supplier;

/**
 * The learner's stress test for {@link Counter}. The implementing class has a constructor without
 * parameters, {@code new MyCounterTest()}.
 */
public interface CounterTest {
    /**
     * Tests counters made by {@code counters} (each call makes a new one) and returns true when they
     * behave as the contract says, false when the test caught a bug. Must return within a few seconds.
     */
    boolean passes(Supplier<Counter> counters) throws Exception;
}
