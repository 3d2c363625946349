package course.exercises.sharedmemory;

import static course.grading.Feedback.require;

import java.util.Arrays;
import java.util.List;

/**
 * The grader's checks on the tickets several takers (threads or processes) took from one roll:
 * each number once, none at or past the capacity, none skipped. Kept in primitive arrays, since a
 * fast roll hands out millions.
 */
final class Tickets {

    private Tickets() {
    }

    /**
     * Fails with a message in the bug's words unless the takers' tickets are distinct, below
     * {@code capacity} and without gaps (at most {@code gapsAllowed} numbers missing).
     *
     * @param takers the takers' names ("thread 2", "worker pid 1234"), in the order of {@code tickets}
     * @param across "threads" or "processes": said in the lost-update message
     */
    static void check(long[][] tickets, List<String> takers, long capacity, long gapsAllowed, String across) {
        int total = Arrays.stream(tickets).mapToInt(t -> t.length).sum();
        long[] all = new long[total];      // ticket * 4 + taker: sorted, equal tickets are neighbours
        int k = 0;
        for (int w = 0; w < tickets.length; w++) {
            for (long t : tickets[w]) {
                require(t >= 0, "%s got ticket number %,d: numbers start at 0", takers.get(w), t);
                all[k++] = t * 4 + w;
            }
        }
        Arrays.sort(all);
        long twice = 0;
        String first = null;
        for (int i = 1; i < all.length; i++) {
            if (all[i] / 4 == all[i - 1] / 4) {
                twice++;
                if (first == null) {
                    first = String.format("ticket %,d went to %s and to %s", all[i] / 4, takers.get((int) (all[i - 1] % 4)),
                            takers.get((int) (all[i] % 4)));
                }
            }
        }
        if (twice > 0) {
            String why = across.equals("processes")
                    ? "a lock inside one JVM (synchronized) does not reach other processes, and a count kept in a private"
                            + " copy is no count at all: hold a FileLock on the shared file around reading, checking and"
                            + " writing the count, and read and write through the channel you locked"
                    : "two threads read the same count before either wrote it back: the whole read-check-write must be"
                            + " one critical section";
            throw new AssertionError(String.format("lost update across %s: %s (%,d numbers handed out twice, %,d tickets):"
                    + " %s", across, first, twice, total, why));
        }
        long max = all.length == 0 ? -1 : all[all.length - 1] / 4;
        require(max < capacity, "oversold: ticket %,d was handed out on a roll of %,d (check-then-act: check the count"
                + " under the same lock as the take, after reading it)", max, capacity);
        require(max + 1 - total <= gapsAllowed, "%,d tickets were handed out, but the highest number is %,d: %,d numbers"
                + " were skipped (a take() that gave up without a ticket must not count one)", total, max, max + 1 - total);
    }

    /** Whether the takers took turns: some taker's numbers are not one contiguous block. */
    static boolean interleaved(long[][] tickets) {
        for (long[] mine : tickets) {
            if (mine.length > 0) {
                long min = Arrays.stream(mine).min().orElse(0);
                long max = Arrays.stream(mine).max().orElse(0);
                if (max - min + 1 > mine.length) {
                    return true;
                }
            }
        }
        return false;
    }
}
