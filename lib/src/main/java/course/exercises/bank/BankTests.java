package course.exercises.bank;

import static course.grading.Feedback.require;

import course.grading.Graded;
import course.grading.Points;
import course.grading.Stress;
import course.grading.Submission;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Grades exercise 02-bank. */
@Graded("02-bank")
public class BankTests {

    private static final Duration LIMIT = Duration.ofSeconds(3);
    private static final long OPENING = 10_000;

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
    @Order(2)
    @Points(3)
    @DisplayName("the total is conserved under concurrent transfers")
    void totalConserved() throws Exception {
        Stress.repeat(Duration.ofSeconds(2), 10, round -> {
            Bank bank = Submission.create(Bank.class);
            List<Account> accounts = accounts(4);
            int threads = 4;
            int perThread = 5_000;
            // each thread's transfers are fixed in advance, so the final balances are known: sums commute
            long[] expected = new long[accounts.size()];
            java.util.Arrays.fill(expected, OPENING);
            int[][] plan = new int[threads * perThread][];
            SplittableRandom random = new SplittableRandom(round);
            for (int k = 0; k < plan.length; k++) {
                int from = random.nextInt(accounts.size());
                int to = (from + 1 + random.nextInt(accounts.size() - 1)) % accounts.size();
                int amount = 1 + random.nextInt(10);
                plan[k] = new int[] {from, to, amount};
                expected[from] -= amount;
                expected[to] += amount;
            }
            Stress.race("transfer", threads, LIMIT, labels(accounts), i -> {
                for (int k = i * perThread; k < (i + 1) * perThread; k++) {
                    bank.transfer(accounts.get(plan[k][0]), accounts.get(plan[k][1]), plan[k][2]);
                }
            });
            long total = accounts.stream().mapToLong(Account::balance).sum();
            long expectedTotal = OPENING * accounts.size();
            require(total == expectedTotal, "money %s: total %,d instead of %,d after %,d concurrent transfers (lost update: lock both accounts)",
                    total < expectedTotal ? "lost" : "created", total, expectedTotal, plan.length);
            for (int i = 0; i < accounts.size(); i++) {
                require(accounts.get(i).balance() == expected[i], "lost update: account %s has %,d, expected %,d",
                        accounts.get(i).id(), accounts.get(i).balance(), expected[i]);
            }
        });
    }

    @Test
    @Order(3)
    @Points(4)
    @DisplayName("opposite transfers (A to B, B to A) do not deadlock")
    void noDeadlockOpposite() throws Exception {
        Stress.repeat(Duration.ofSeconds(1), 5, round -> {
            Bank bank = Submission.create(Bank.class);
            List<Account> accounts = accounts(2);
            Account a = accounts.get(0);
            Account b = accounts.get(1);
            Stress.race("transfer", 4, LIMIT, labels(accounts), i -> {
                for (int k = 0; k < 100_000; k++) {
                    if (i % 2 == 0) {
                        bank.transfer(a, b, 1);
                    } else {
                        bank.transfer(b, a, 1);
                    }
                }
            });
            require(a.balance() + b.balance() == 2 * OPENING, "money lost: total %,d instead of %,d",
                    a.balance() + b.balance(), 2 * OPENING);
        });
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("a ring of transfers (A to B, B to C, C to A) does not deadlock")
    void noDeadlockRing() throws Exception {
        Stress.repeat(Duration.ofSeconds(1), 5, round -> {
            Bank bank = Submission.create(Bank.class);
            List<Account> accounts = accounts(3);
            Stress.race("transfer", 3, LIMIT, labels(accounts), i -> {
                for (int k = 0; k < 100_000; k++) {
                    bank.transfer(accounts.get(i), accounts.get((i + 1) % 3), 1);
                }
            });
            long total = accounts.stream().mapToLong(Account::balance).sum();
            require(total == 3 * OPENING, "money lost: total %,d instead of %,d", total, 3 * OPENING);
        });
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
