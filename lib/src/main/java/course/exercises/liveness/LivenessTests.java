package course.exercises.liveness;

import static course.grading.Feedback.require;

import course.grading.DependsOn;
import course.grading.Graded;
import course.grading.Inconclusive;
import course.grading.Points;
import course.grading.Stress;
import course.grading.Submission;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Grades exercise 04-contention-and-liveness. */
@Graded("04-contention-and-liveness")
public class LivenessTests {

    /** The locks of the given warehouses (DepotV1 and DepotV2 have the same fields). */
    private static final Set<String> LOCKS = Set.of("stockLock", "ordersLock", "statsLock");
    private static final Set<String> INVOLVED = Set.of("stockLock", "ordersLock");

    private static Finding answer(boolean first) {
        Diagnosis d = Submission.create(Diagnosis.class);
        Finding f = first ? d.first() : d.second();
        require(f != null, "%s() returned null: return a new Finding(BugClass..., Set.of(...))", first ? "first" : "second");
        require(f.bug() != null, "the Finding of %s() names no BugClass", first ? "first" : "second");
        return f;
    }

    /** The lock names of a finding without any "Class." prefix. */
    private static Set<String> lockNames(Finding f) {
        return f.locks().stream().map(s -> s.strip().substring(s.strip().lastIndexOf('.') + 1)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void requireLocks(Finding f, String depot) {
        Set<String> named = lockNames(f);
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(LOCKS);
        require(unknown.isEmpty(), "%s is not a lock of %s (its locks are the fields stockLock, ordersLock and statsLock)",
                unknown, depot);
        require(named.equals(INVOLVED), "the locks are not right: you named %s; name exactly the locks the threads held"
                + " and waited for in %s's report, no others", named, depot);
    }

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("warm-up: DepotV1's shift diagnosed (bug class and locks)")
    void firstDiagnosed() {
        Finding f = answer(true);
        require(f.bug() == BugClass.DEADLOCK, switch (f.bug()) {
            case LIVELOCK -> "not a livelock: DepotV1's courier got only a few calls in the whole shift; busy threads would"
                    + " call it again and again. Read the line 'stuck at the limit'";
            case STARVATION -> "not starvation: no clerk got on with its work in DepotV1's shift. Read which lock each"
                    + " stuck thread holds and which it waits for";
            case CONTENTION -> "not mere contention: waiting for a busy lock ends, and DepotV1's threads never went on."
                    + " Read the line 'stuck at the limit'";
            case LOST_UPDATE -> "nothing was lost or seen half-done in DepotV1's shift: no audit broke a rule. Look at what"
                    + " the threads were doing when it stopped";
            default -> "";
        });
        requireLocks(f, "DepotV1");
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("core: DepotV2's shift diagnosed (bug class and locks)")
    void secondDiagnosed() {
        Finding f = answer(false);
        require(f.bug() == BugClass.LIVELOCK, switch (f.bug()) {
            case DEADLOCK -> "not a deadlock: DepotV2's report finds no cycle of threads waiting for each other, and its"
                    + " courier was called thousands of times: the threads were working. On what?";
            case STARVATION -> "not starvation: starvation leaves most threads getting their work done and a few behind;"
                    + " compare the operations each clerk of DepotV2 did";
            case CONTENTION -> "not mere contention: a contended program is slow but gets its work done; compare DepotV2's"
                    + " courier calls with the operations done";
            case LOST_UPDATE -> "nothing was lost or seen half-done in DepotV2's shift: no audit broke a rule. Compare the"
                    + " courier calls with the operations done";
            default -> "";
        });
        requireLocks(f, "DepotV2");
    }

    /** A courier that answers at once and remembers the ids. */
    private static final class Recorder implements Courier {
        final Set<Integer> booked = ConcurrentHashMap.newKeySet();
        final Set<Integer> collected = ConcurrentHashMap.newKeySet();

        @Override
        public void book(int id) {
            booked.add(id);
        }

        @Override
        public void collect(int id) {
            collected.add(id);
        }
    }

    private static void expectAudit(Warehouse w, String after, int[] stock, int[] reserved) throws InterruptedException {
        Warehouse.Audit a = w.audit();
        require(a != null, "audit() returned null %s", after);
        require(Arrays.equals(a.stock(), stock) && Arrays.equals(a.reserved(), reserved),
                "%s, audit() saw %s; expected stock %s, reserved %s", after, a, Arrays.toString(stock), Arrays.toString(reserved));
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("warm-up: one clerk: orders, refusals, cancels and audits add up")
    void oneClerk() throws Exception {
        Stress.bounded("one clerk", Duration.ofSeconds(5), Map.of(), () -> {
            Recorder courier = new Recorder();
            int[] start = {3, 1};
            Warehouse w = Submission.create(Warehouse.class, start, courier);
            start[0] = 99;
            expectAudit(w, "on a new warehouse with stock [3, 1] (an array the caller then changed: copy it)",
                    new int[] {3, 1}, new int[] {0, 0});
            require(w.order(1, 0, 2), "order(1, 0, 2) returned false with 3 units of item 0 in stock");
            require(courier.booked.contains(1), "order(1, 0, 2) returned true without calling courier.book(1)");
            expectAudit(w, "after order(1, 0, 2)", new int[] {1, 1}, new int[] {2, 0});
            require(!w.order(2, 0, 2), "order(2, 0, 2) returned true with 1 unit of item 0 in stock");
            expectAudit(w, "after the refused order(2, 0, 2)", new int[] {1, 1}, new int[] {2, 0});
            require(w.order(3, 1, 1), "order(3, 1, 1) returned false with 1 unit of item 1 in stock (all of it may be ordered)");
            require(!w.cancel(2), "cancel(2) returned true, but order 2 was refused: it was never open");
            require(!w.cancel(99), "cancel(99) returned true for an order that never existed");
            require(w.cancel(1), "cancel(1) returned false for an open order");
            require(courier.collected.contains(1), "cancel(1) returned true without calling courier.collect(1)");
            expectAudit(w, "after cancel(1)", new int[] {3, 0}, new int[] {0, 1});
            require(!w.cancel(1), "cancel(1) returned true twice: the order was cancelled already");
            require(w.order(4, 0, 3), "order(4, 0, 3) returned false with exactly 3 units in stock");
            expectAudit(w, "after order(4, 0, 3)", new int[] {0, 0}, new int[] {3, 1});
            return null;
        });
    }

    private static Warehouse open(int[] stock, Courier courier) {
        return Submission.create(Warehouse.class, stock, courier);
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("core: no deadlock: clerks order, cancel and audit at full speed")
    void noDeadlock() throws Exception {
        Stress.repeat(Duration.ofSeconds(2), 3, round -> {
            ShiftReport r = Shift.of(LivenessTests::open).clerks(4).auditors(2).quota(1_500).courierTime(Duration.ZERO)
                    .limit(Duration.ofSeconds(1)).run();
            require(r.hang().isEmpty(), "%s. Operations done: %s (a lock-order cycle: every path, audit included, must take"
                    + " the locks in one order; or a lock that is never released: unlock in a finally block)",
                    r.hang(), r.perClerk());
            require(r.unresponsive().isEmpty(), "threads did not end when the shift was over: %s (%s)", r.unresponsive(),
                    r.busy());
        });
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("core: progress: every clerk does its quota, none starves")
    @DependsOn("noDeadlock")
    void everyClerkProgresses() throws Exception {
        ShiftReport r = Shift.of(LivenessTests::open).clerks(4).quota(100).limit(Duration.ofSeconds(3)).run();
        require(r.hang().isEmpty(), "%s", r.hang());
        require(r.failures().isEmpty(), "the warehouse threw: %s", r.failures());
        if (!r.finished()) {
            long most = r.done().stream().mapToLong(Long::longValue).max().orElse(0);
            long least = r.done().stream().mapToLong(Long::longValue).min().orElse(0);
            String what = most < r.quota()
                    ? String.format("livelock or no progress: in %d ms the clerks did %s, %.0f operations per second, while the"
                            + " courier was called %,d times: the threads are busy and get nowhere (retrying at once after"
                            + " giving up a lock? holding a lock across a call that keeps failing?)",
                            r.elapsed().toMillis(), r.perClerk(), r.perSecond(), r.courierCalls())
                    : String.format("starvation: in %d ms the clerks did %s: some did their quota and more, clerk(s) with %d"
                            + " hardly got the lock (a lock kept after a return or an exception: unlock in a finally block?"
                            + " an unfair lock held across the slow courier call?)", r.elapsed().toMillis(), r.perClerk(), least);
            require(false, "%s. At the limit: %s", what, r.busy().isEmpty() ? "all threads ended" : r.busy());
        }
    }

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("core: an auditor sees the books consistent at every moment")
    @DependsOn("oneClerk")
    void auditsConsistent() throws Exception {
        for (Duration courier : List.of(Duration.ofMillis(1), Duration.ZERO)) {
            ShiftReport r = Shift.of(LivenessTests::open).clerks(4).auditors(2).quota(courier.isZero() ? 1_000 : 100)
                    .courierTime(courier).limit(Duration.ofMillis(1_500)).run();
            require(r.violations().isEmpty(), "%s (%,d audits; %s)", String.join("; ", r.violations()), r.audits(),
                    courier.isZero() ? "courier answering at once" : "courier taking 1 ms");
            require(r.audits() > 0 || !r.hang().isEmpty(), "the auditor never completed an audit during the shift");
        }
    }

    @Test
    @Order(7)
    @Points(2)
    @DisplayName("stretch: the courier's slow calls overlap (narrow critical sections)")
    @DependsOn("everyClerkProgresses")
    void courierCallsOverlap() throws Exception {
        ShiftReport r = Shift.of(LivenessTests::open).clerks(4).quota(100).limit(Duration.ofSeconds(3)).run();
        require(r.hang().isEmpty(), "%s", r.hang());
        Inconclusive.unless(r.courierCalls() >= 50, "only %d courier calls in the shift, too few to judge their overlap",
                r.courierCalls());
        require(r.maxOverlap() >= 2, "contention: in %,d courier calls by 4 clerks, never two at once: each call runs while a"
                + " lock every clerk needs is held, so the clerks take turns (%.0f operations per second). Call the courier"
                + " outside the critical sections, or stripe the locks", r.courierCalls(), r.perSecond());
    }
}
