package course.exercises.bank;

import static course.grading.Feedback.require;

import course.grading.DependsOn;
import course.grading.Graded;
import course.grading.Inconclusive;
import course.grading.Points;
import course.grading.Stress;
import course.grading.Submission;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Grades exercise 02-bank. */
@Graded("02-bank")
public class BankTests {

    private static final Duration LIMIT = Duration.ofSeconds(3);
    private static final long OPENING = 10_000;
    private static final Duration WINDOW = Duration.ofMillis(250);

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("one transfer moves the money")
    void singleTransfer() throws Exception {
        Bank bank = Submission.create(Bank.class);
        Account a = new Account("A", 100);
        Account b = new Account("B", 50);
        Stress.bounded("transfer", LIMIT, Map.of(a, "A", b, "B"), () -> {
            bank.transfer(a, b, 30);
            return null;
        });
        require(a.balance() == 70 && b.balance() == 80, "after moving 30 from A (100) to B (50): A has %d, B has %d", a.balance(),
                b.balance());
    }

    @Test
    @Order(5)
    @Points(3)
    @DisplayName("the total is conserved under concurrent transfers")
    @DependsOn({"noDeadlockOpposite"})
    void totalConserved() throws Exception {
        Stress.repeat(Duration.ofSeconds(1), 3, round -> {
            Bank bank = Submission.create(Bank.class);
            List<Account> accounts = accounts(4);
            int threads = 4;
            // time-based, so that even one CPU preempts transfers midway; each thread sums what it moved
            // per account, so the final balances are known (sums commute)
            long[][] moved = new long[threads][accounts.size()];
            long[] count = new long[threads];
            AtomicBoolean stop = stopAfter(WINDOW);
            Stress.race("transfer", threads, LIMIT, labels(accounts), i -> {
                SplittableRandom random = new SplittableRandom(round * 31L + i);
                while (!stop.get()) {
                    int from = random.nextInt(accounts.size());
                    int to = (from + 1 + random.nextInt(accounts.size() - 1)) % accounts.size();
                    int amount = 1 + random.nextInt(10);
                    bank.transfer(accounts.get(from), accounts.get(to), amount);
                    moved[i][from] -= amount;
                    moved[i][to] += amount;
                    count[i]++;
                }
            });
            long total = accounts.stream().mapToLong(Account::balance).sum();
            long expectedTotal = OPENING * accounts.size();
            long transfers = LongStream.of(count).sum();
            require(total == expectedTotal, "money %s: total %,d instead of %,d after %,d concurrent transfers (lost update:"
                    + " lock both accounts)", total < expectedTotal ? "lost" : "created", total, expectedTotal, transfers);
            for (int a = 0; a < accounts.size(); a++) {
                long expected = OPENING;
                for (long[] m : moved) {
                    expected += m[a];
                }
                require(accounts.get(a).balance() == expected, "lost update: account %s has %,d, expected %,d after %,d"
                        + " concurrent transfers (lock both accounts)", accounts.get(a).id(), accounts.get(a).balance(), expected,
                        transfers);
            }
        });
    }

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("no transfer is seen half done")
    @DependsOn({"noDeadlockOpposite", "totalConserved"})
    void transfersAreAtomic() throws Exception {
        long[] looks = {0};
        Stress.repeat(Duration.ofSeconds(1), 3, round -> {
            Bank bank = Submission.create(Bank.class);
            Account a = new Account("A", OPENING);
            Account b = new Account("B", OPENING);
            AtomicBoolean stop = stopAfter(WINDOW);
            long[] seen = {2 * OPENING, 0};
            // 3 threads move money between A and B; the 4th, the observer, moves 0 through your transfer and, inside it
            // (while your code holds whatever locks it holds to deposit), adds up A and B: the total must be exact
            Stress.race("transfer", 4, LIMIT, Map.of(a, "A", b, "B"), i -> {
                SplittableRandom random = new SplittableRandom(round * 17L + i);
                if (i == 3) {
                    Account.DURING_DEPOSIT.set(() -> {
                        long total = a.balance() + b.balance();
                        looks[0]++;
                        if (total != 2 * OPENING) {
                            seen[0] = total;
                            seen[1]++;
                        }
                    });
                }
                try {
                    for (long k = 0; !stop.get(); k++) {
                        boolean ab = i == 3 ? k % 2 == 0 : random.nextBoolean();
                        bank.transfer(ab ? a : b, ab ? b : a, i == 3 ? 0 : 1 + random.nextInt(10));
                        if (i == 3) {
                            Thread.yield();
                        }
                    }
                } finally {
                    Account.DURING_DEPOSIT.remove();
                }
            });
            require(seen[1] == 0, "not atomic: in the middle of a transfer, with your locks held, an observer saw a total of %,d"
                    + " instead of %,d (%,d times): money was in neither or both accounts (hold both accounts' locks for the"
                    + " whole transfer)", seen[0], 2 * OPENING, seen[1]);
        });
        Inconclusive.unless(looks[0] > 0, "the observer never ran during the transfers");
    }

    @Test
    @Order(2)
    @Points(3)
    @DisplayName("opposite transfers (A to B, B to A) do not deadlock")
    void noDeadlockOpposite() throws Exception {
        opposite("A", "B");
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("a ring of transfers (A to B, B to C, C to A) does not deadlock")
    @DependsOn({"noDeadlockOpposite"})
    void noDeadlockRing() throws Exception {
        Stress.repeat(Duration.ofSeconds(1), 2, round -> {
            Bank bank = Submission.create(Bank.class);
            List<Account> accounts = accounts(3);
            AtomicBoolean stop = stopAfter(WINDOW);
            Stress.race("transfer", 3, LIMIT, labels(accounts), i -> {
                while (!stop.get()) {
                    bank.transfer(accounts.get(i), accounts.get((i + 1) % 3), 1);
                }
            });
            // lost money is the concern of totalConserved: this test looks for deadlocks only
        });
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("accounts whose ids hash alike (\"Aa\", \"BB\") do not deadlock")
    @DependsOn({"noDeadlockOpposite"})
    void noDeadlockOnTies() throws Exception {
        require("Aa".hashCode() == "BB".hashCode(), "the tie accounts must hash alike");
        opposite("Aa", "BB");
    }

    @Test
    @Order(7)
    @Points(1)
    @DisplayName("a transfer from an account to itself")
    void transferToSelf() throws Exception {
        Bank bank = Submission.create(Bank.class);
        Account a = new Account("A", 100);
        try {
            Stress.bounded("transfer", Duration.ofSeconds(2), Map.of(a, "A"), () -> {
                bank.transfer(a, a, 30);
                return null;
            });
        } catch (AssertionError e) {
            if (String.valueOf(e.getMessage()).startsWith("hang")) {
                throw new AssertionError("a transfer from A to the same account A never finished: it waits for a lock it"
                        + " already holds (a lock that is not reentrant, taken twice); handle from == to", e);
            }
            throw e;
        }
        require(a.balance() == 100, "a transfer of 30 from A to the same account A left A with %d instead of 100", a.balance());
    }

    /** Two threads move money one way and two the other, with nothing else to do, until the window closes. */
    private static void opposite(String x, String y) throws Exception {
        Stress.repeat(Duration.ofSeconds(1), 2, round -> {
            Bank bank = Submission.create(Bank.class);
            Account a = new Account(x, OPENING);
            Account b = new Account(y, OPENING);
            AtomicBoolean stop = stopAfter(WINDOW);
            Stress.race("transfer", 4, LIMIT, Map.of(a, x, b, y), i -> {
                while (!stop.get()) {
                    if (i % 2 == 0) {
                        bank.transfer(a, b, 1);
                    } else {
                        bank.transfer(b, a, 1);
                    }
                }
            });
            // lost money is the concern of totalConserved: this test looks for deadlocks only
        });
    }

    /** Sets the returned flag after {@code window} (a daemon timer; the race threads poll it). */
    private static AtomicBoolean stopAfter(Duration window) {
        AtomicBoolean stop = new AtomicBoolean();
        Thread.ofPlatform().daemon().name("window").start(() -> {
            try {
                Thread.sleep(window);
            } catch (InterruptedException e) {
                // stop now
            }
            stop.set(true);
        });
        return stop;
    }

    private static List<Account> accounts(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Account(String.valueOf((char) ('A' + i)), OPENING)).toList();
    }

    private static Map<Object, String> labels(List<Account> accounts) {
        Map<Object, String> labels = new HashMap<>();
        accounts.forEach(a -> labels.put(a, a.id()));
        return labels;
    }
}
