package course.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The test authors' API: inconclusive tests, failures that follow from earlier ones, locks named by field. */
class GradingApiTest {

    /** A student's class with locks in fields. */
    static final class Holder {
        final ReentrantLock lock = new ReentrantLock();
        final ReentrantLock other = new ReentrantLock();
        final Condition notFull = other.newCondition();
        final Object monitor = new Object();
    }

    /** An exercise's tests in miniature. */
    @Graded("sample")
    static class Sample {
        @Test
        @Order(1)
        @DisplayName("first")
        void first() {
            Feedback.require(false, "the first bug");
        }

        @Test
        @Order(2)
        @Points(2)
        @DependsOn("first")
        @DisplayName("second")
        void second() {
            Feedback.require(false, "seen again");
        }

        @Test
        @Order(3)
        @Points(5)
        @DisplayName("probe")
        void probe() {
            Inconclusive.unless(false, "the %d probe threads never overlapped", 2);
        }

        @Test
        @Order(4)
        @DisplayName("fine")
        void fine() {
        }
    }

    @Test
    void inconclusiveAndConsequencesAreReportedAsSuch() {
        CheckResult r = Check.quietly(Sample.class);
        List<TestOutcome> t = r.tests();
        assertEquals(List.of("failed", "failed", "inconclusive", "passed"), t.stream().map(TestOutcome::verdict).toList());
        assertEquals("the first bug", t.get(0).message());
        assertFalse(t.get(0).consequence());
        assertTrue(t.get(1).consequence(), t.get(1).message());
        assertEquals("fails only because \"first\" failed (here: seen again)", t.get(1).message());
        assertEquals("inconclusive on this machine: the 2 probe threads never overlapped", t.get(2).message());
        assertEquals(1, r.earned());
        assertEquals(4, r.possible(), "the inconclusive test's 5 points are left out");
        String feedback = r.feedback();
        assertTrue(feedback.contains("**inconclusive** probe (0/5)"), feedback);
        assertTrue(feedback.contains("**failed (consequence)** second"), feedback);
    }

    @Test
    void locksAndConditionsAreNamedByTheStudentsFields() throws Exception {
        Holder h = new Holder();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch locked = new CountDownLatch(1);
        Thread owner = new Thread(() -> {
            h.lock.lock();
            try {
                locked.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                h.lock.unlock();
            }
        }, "owner");
        Thread blocked = new Thread(() -> {
            h.lock.lock();
            h.lock.unlock();
        }, "blocked");
        Thread waiter = new Thread(() -> {
            h.other.lock();
            try {
                h.notFull.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                h.other.unlock();
            }
        }, "waiter");
        owner.start();
        assertTrue(locked.await(5, TimeUnit.SECONDS));
        blocked.start();
        waiter.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((!h.lock.hasQueuedThread(blocked) || waiter.getState() != Thread.State.TIMED_WAITING) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            String report = Deadlocks.describeStuck(List.of(owner, blocked, waiter), Locks.named(h));
            assertTrue(report.contains("owner WAITING on CountDownLatch"), report);
            assertTrue(report.contains("holding Holder.lock"), report);
            assertTrue(report.contains("blocked WAITING on Holder.lock held by owner"), report);
            assertTrue(report.contains("waiter TIMED_WAITING on Holder.notFull"), report);
            assertFalse(report.contains("ConditionObject@"), report);
        } finally {
            release.countDown();
            waiter.interrupt();
            owner.join();
            blocked.join();
            waiter.join();
        }
        assertEquals("Holder.monitor", Locks.named(h).get(h.monitor));
    }

    /** Two threads that deadlock on two {@code ReentrantLock}s, taken interruptibly so that the test can end them. */
    private static List<Thread> deadlock(String prefix) throws InterruptedException {
        ReentrantLock a = new ReentrantLock();
        ReentrantLock b = new ReentrantLock();
        CountDownLatch both = new CountDownLatch(2);
        List<Thread> threads = List.of(
                new Thread(() -> crossing(a, b, both), prefix + "-1"), new Thread(() -> crossing(b, a, both), prefix + "-2"));
        threads.forEach(t -> {
            t.setDaemon(true);
            t.start();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(a.hasQueuedThreads() && b.hasQueuedThreads()) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return threads;
    }

    private static void crossing(ReentrantLock first, ReentrantLock second, CountDownLatch both) {
        try {
            first.lockInterruptibly();
            try {
                both.countDown();
                both.await();
                second.lockInterruptibly();
                second.unlock();
            } finally {
                first.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aDeadlockLeftByAnEarlierRunIsNotBlamedOnTheNextOne() throws Exception {
        List<Thread> leftover = deadlock("earlier");
        try {
            AssertionError hang = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                    () -> Stress.bounded("slow", java.time.Duration.ofMillis(300), java.util.Map.of(), () -> {
                        Thread.sleep(10_000);
                        return null;
                    }));
            assertTrue(hang.getMessage().startsWith("hang: slow"), hang.getMessage());
            assertFalse(hang.getMessage().contains("earlier-"), hang.getMessage());

            AssertionError own = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                    () -> Stress.bounded("mine", java.time.Duration.ofSeconds(2), java.util.Map.of(), () -> {
                        List<Thread> mine = deadlock("mine");
                        try {
                            Thread.sleep(10_000);
                        } finally {
                            mine.forEach(Thread::interrupt);
                        }
                        return null;
                    }));
            assertTrue(own.getMessage().startsWith("deadlock: mine-1 holds"), own.getMessage());
            assertFalse(own.getMessage().contains("earlier-"), own.getMessage());
        } finally {
            leftover.forEach(Thread::interrupt);
            for (Thread t : leftover) {
                t.join(5_000);
            }
        }
    }

    @Test
    void framesOfTheAssembledSourceAreMappedToTheStudentsCell() {
        String saved = System.getProperty(Feedback.CELLS_PROPERTY);
        System.setProperty(Feedback.CELLS_PROPERTY, "5:20:10,7:31:4");
        try {
            assertEquals("SafeCounter.get (cell 5, line 3)",
                    Feedback.where(new StackTraceElement("SafeCounter", "get", Feedback.SOURCE_FILE, 22)));
            assertEquals("Sum.sum (cell 7, line 1)", Feedback.where(new StackTraceElement("Sum", "sum", Feedback.SOURCE_FILE, 31)));
            assertEquals("X.y line 12", Feedback.where(new StackTraceElement("X", "y", "Other.java", 12)));
        } finally {
            if (saved == null) {
                System.clearProperty(Feedback.CELLS_PROPERTY);
            } else {
                System.setProperty(Feedback.CELLS_PROPERTY, saved);
            }
        }
    }
}
