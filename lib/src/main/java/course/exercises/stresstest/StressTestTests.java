package course.exercises.stresstest;

import static course.grading.Feedback.require;

import course.grading.DependsOn;
import course.grading.Graded;
import course.grading.Points;
import course.grading.Stress;
import course.grading.Submission;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 14-debugging-and-testing: the learner's {@link CounterTest} runs against hidden
 * correct and buggy counters ({@link HiddenCounters}); it must pass every correct one and fail
 * every buggy one, each run bounded.
 */
@Graded("14-debugging-and-testing")
public class StressTestTests {

    private static final Duration LIMIT = Duration.ofSeconds(6);

    /** The learner's verdict on counters made by {@code counters}, bounded by {@link #LIMIT}. */
    private static boolean verdict(Supplier<Counter> counters, String which) throws Exception {
        CounterTest test = Submission.create(CounterTest.class);
        try {
            return Stress.bounded("your test", LIMIT, Map.of(), () -> test.passes(counters));
        } catch (AssertionError e) {
            if (String.valueOf(e.getMessage()).startsWith("hang")) {
                throw new AssertionError("hung: your test did not return within " + LIMIT.toSeconds() + " s on " + which
                        + " (join with a timeout, await a latch with a timeout, keep the rounds small); " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static void accepts(Supplier<Counter> counters, String which, int runs) throws Exception {
        for (int run = 1; run <= runs; run++) {
            require(verdict(counters, which), "false alarm: your test failed %s, which is correct (run %d of %d): a test that"
                    + " fails correct code says nothing about bugs (did you join every thread before the final check, and"
                    + " compare mid-run values with bounds, not with an exact count?)", which, run, runs);
        }
    }

    private static void catches(Supplier<Counter> buggy, String bug, String how) throws Exception {
        accepts(HiddenCounters.Atomic::new, "a correct AtomicLong counter", 1);
        require(!verdict(buggy, "a buggy counter"), "missed a bug: your test passed a counter with %s; %s", bug, how);
    }

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("warm-up: passes a correct AtomicLong counter")
    void passesAtomic() throws Exception {
        accepts(HiddenCounters.Atomic::new, "a correct AtomicLong counter", 2);
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("passes a correct synchronized counter")
    @DependsOn("passesAtomic")
    void passesLocked() throws Exception {
        accepts(HiddenCounters.Locked::new, "a correct synchronized counter", 2);
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("passes a correct LongAdder counter")
    @DependsOn("passesAtomic")
    void passesAdder() throws Exception {
        accepts(HiddenCounters.Adder::new, "a correct LongAdder counter (its sum is no snapshot, but never too big and"
                + " never going down)", 2);
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("warm-up: catches a counter that drops increments unless counts are round")
    @DependsOn("passesAtomic")
    void catchesBatched() throws Exception {
        catches(HiddenCounters.Batched::new, "increments lost unless each thread's count is a multiple of 64",
                "round numbers hide bugs: use counts like 1_001 per thread, and check the exact total after joining");
    }

    @Test
    @Order(5)
    @Points(3)
    @DisplayName("core: catches a lost update")
    @DependsOn("passesAtomic")
    void catchesLostUpdate() throws Exception {
        catches(HiddenCounters.LostUpdate::new, "a lost update (read, then write back)", "it only shows when threads"
                + " increment at the same time: several threads, released together (a latch or barrier), not one after another");
    }

    @Test
    @Order(6)
    @Points(3)
    @DisplayName("stretch: catches a counter that is right at the end but wrong in the middle")
    @DependsOn("passesAtomic")
    void catchesOvershoot() throws Exception {
        catches(HiddenCounters.Overshoot::new, "a get() that is briefly too big while increments run (right at the end)",
                "a check at the end cannot see it: read get() while the threads run and compare it with the increments"
                        + " started so far, and with the previous reading (it must never go down)");
    }
}
