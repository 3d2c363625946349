package course.lesson01;

import java.util.Locale;

/**
 * A tiny program that shows when a JVM exits: its {@code main} starts one background thread,
 * named {@code ticker}, that prints {@code tick 1} ... {@code tick N} every 100 ms and then
 * {@code ticker: finished}, and returns at once after printing {@code main: returning}.
 *
 * <p>Run it in a child JVM with the argument {@code user} or {@code daemon}:
 * <ul>
 *   <li>{@code user}: the ticker is a user (non-daemon) thread; the JVM waits for it, so every
 *       tick and the {@code finished} line are printed;</li>
 *   <li>{@code daemon}: the ticker is a daemon thread; when {@code main} returns no user thread is
 *       left, the JVM exits and the ticker dies mid-sleep: its {@code finished} line never appears.</li>
 * </ul>
 * An optional second argument sets the number of ticks (default 5, at most 50).
 */
public final class DaemonDemo {

    private DaemonDemo() {
    }

    /**
     * Starts the ticker as a daemon or user thread and returns from {@code main} at once.
     *
     * @param args {@code user} or {@code daemon}, then optionally the number of ticks (1 to 50)
     */
    public static void main(String[] args) {
        if (args.length < 1 || !(args[0].equals("user") || args[0].equals("daemon"))) {
            System.err.println("usage: DaemonDemo user|daemon [ticks]: say whether the ticker thread is a daemon");
            System.exit(2);
        }
        boolean daemon = args[0].equals("daemon");
        int ticks = args.length > 1 ? parseTicks(args[1]) : 5;
        Thread ticker = new Thread(() -> {
            try {
                for (int i = 1; i <= ticks; i++) {
                    Thread.sleep(100);
                    System.out.println("tick " + i);
                }
                System.out.println("ticker: finished");
            } catch (InterruptedException e) {
                System.out.println("ticker: interrupted");
            }
        }, "ticker");
        ticker.setDaemon(daemon);
        ticker.start();
        System.out.println(String.format(Locale.ROOT, "main: started ticker (daemon=%s), main: returning", daemon));
    }

    private static int parseTicks(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 50) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        System.err.println("DaemonDemo: ticks must be a whole number from 1 to 50, got \"" + text + "\"");
        System.exit(2);
        return 0;
    }
}
