package course.exercises.sharedmemory;

import course.grading.Feedback;
import course.process.WorkerTask;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The grader's task in its worker JVMs: opens the student's {@link TicketRoll} on a file and takes
 * tickets until the roll is sold out or the grader says stop, recording each ticket in a
 * {@link Receipt} the moment it is taken. Input, tab-separated: classes directory, class name, roll
 * file, capacity, receipt file. It starts taking when the grader says go (all workers together). Answer: {@code ok <taken> <sold out> <taken()>}
 * or {@code fail <where> <what the student's code threw>}.
 */
public final class RollWorker implements WorkerTask {

    /** The shortest time per ticket: a slower roll is not slowed down. */
    private static final long PACE_NANOS = 2_000;

    private final Map<String, Constructor<? extends TicketRoll>> loaded = new HashMap<>();

    /** Creates the task (the pool's worker does, once per worker JVM). */
    public RollWorker() {
    }

    @Override
    public String apply(String input) throws Exception {
        String[] a = input.split("\t");
        Constructor<? extends TicketRoll> make = constructor(Path.of(a[0]), a[1]);
        Path file = Path.of(a[2]);
        long capacity = Long.parseLong(a[3]);
        Receipt receipt = Receipt.open(Path.of(a[4]));
        TicketRoll roll;
        try {
            roll = CompiledRoll.create(make, file, capacity);
        } catch (Exception e) {
            return fail("new " + a[1] + "(file, " + (capacity > 1L << 40 ? "a huge capacity" : String.format("%,d", capacity))
                    + ")", e);
        }
        receipt.readyThenAwaitGo(10_000);
        boolean soldOut = false;
        String step = "take()";
        try (roll) {
            while (!receipt.stopped() && receipt.hasRoom()) {
                long began = System.nanoTime();
                try {
                    receipt.add(roll.take());
                } catch (SoldOutException e) {
                    soldOut = true;
                    break;
                }
                while (System.nanoTime() - began < PACE_NANOS) {
                    Thread.onSpinWait();   // a roll faster than this would be done before the others start
                }
            }
            step = "taken()";
            long taken = roll.taken();
            step = "close()";
            return "ok\t" + receipt.count() + "\t" + soldOut + "\t" + taken;
        } catch (Exception e) {
            return fail(step + " after " + receipt.count() + " tickets", e);
        }
    }

    private Constructor<? extends TicketRoll> constructor(Path classes, String name) throws Exception {
        String key = classes + "\t" + name;
        Constructor<? extends TicketRoll> c = loaded.get(key);
        if (c == null) {
            @SuppressWarnings("resource") // lives as long as the worker: its class is used by every input
            URLClassLoader loader = new URLClassLoader("ticket-roll", new java.net.URL[] {classes.toUri().toURL()},
                    RollWorker.class.getClassLoader());
            c = new CompiledRoll(classes.getParent(), name).constructor(loader);
            loaded.put(key, c);
        }
        return c;
    }

    private static String fail(String where, Throwable e) {
        Throwable t = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
        String what = Feedback.isTodo(t) ? Feedback.NOT_IMPLEMENTED : Feedback.describe(t);
        return "fail\t" + where + "\t" + what.replace('\t', ' ').replace('\n', ' ');
    }
}
