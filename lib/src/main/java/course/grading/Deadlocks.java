package course.grading;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deadlock detector: asks the JVM ({@link ThreadMXBean}) which threads are blocked in a cycle
 * and says it in plain words, "deadlock: transfer-1 holds A, waits for B; transfer-2 holds B,
 * waits for A". Locks are named by the labels the test gives (an account's monitor is "A"), then
 * by the student's field names ({@link Locks}: "MyBuffer.notFull"), others by class and identity hash.
 */
public final class Deadlocks {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int FRAMES = 3;

    private Deadlocks() {
    }

    /**
     * The deadlock among {@code among} (all threads if empty), described, or empty if none.
     *
     * @param labels lock objects the test knows, mapped to the names to show (may be empty)
     */
    public static Optional<String> find(Collection<Thread> among, Map<Object, String> labels) {
        long[] ids = THREADS.isSynchronizerUsageSupported()
                ? THREADS.findDeadlockedThreads() : THREADS.findMonitorDeadlockedThreads();
        if (ids == null) {
            return Optional.empty();
        }
        Set<Long> wanted = among.stream().map(Thread::threadId).collect(Collectors.toSet());
        long[] selected = Arrays.stream(ids).filter(id -> wanted.isEmpty() || wanted.contains(id)).sorted().toArray();
        if (selected.length == 0) {
            return Optional.empty();
        }
        ThreadInfo[] infos = THREADS.getThreadInfo(selected, true, THREADS.isSynchronizerUsageSupported());
        Map<Object, String> names = withFields(labels);
        List<String> parts = new ArrayList<>();
        for (ThreadInfo info : infos) {
            if (info != null) {
                Thread t = thread(info.getThreadId());
                parts.add(info.getThreadName() + " holds " + held(info, t, names) + ", waits for "
                        + lockName(info.getLockInfo(), t, false, names) + frames(info.getStackTrace()));
            }
        }
        parts.sort(null);
        return Optional.of("deadlock: " + String.join("; ", parts));
    }

    /**
     * The deadlock among threads that did not exist in {@code before} (a snapshot of
     * {@link Thread#getAllStackTraces()} taken when the test began), described, or empty if none. A deadlock left
     * behind by an earlier run (an earlier check in the same notebook kernel, an earlier test in the same JVM) is not
     * this run's and is not reported.
     */
    public static Optional<String> findSince(Set<Thread> before, Map<Object, String> labels) {
        List<Thread> fresh = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).toList();
        return fresh.isEmpty() ? Optional.empty() : find(fresh, labels);
    }

    /**
     * A thread-dump excerpt of {@code threads}: for each, its state, the lock it waits for and who
     * holds it, the locks it holds, and its innermost frames in the student's code. Used when a
     * test's threads do not finish in time.
     */
    public static String describeStuck(Collection<Thread> threads, Map<Object, String> labels) {
        Map<Object, String> names = withFields(labels);
        List<String> parts = new ArrayList<>();
        for (Thread t : threads) {
            if (!t.isAlive()) {
                continue;
            }
            ThreadInfo info = t.isVirtual() ? null : THREADS.getThreadInfo(new long[] {t.threadId()}, true, true)[0];
            StringBuilder sb = new StringBuilder(t.getName()).append(' ');
            if (info == null) {
                sb.append(t.getState());
            } else {
                sb.append(info.getThreadState());
                if (info.getLockInfo() != null) {
                    sb.append(" on ").append(lockName(info.getLockInfo(), t, false, names));
                    if (info.getLockOwnerName() != null) {
                        sb.append(" held by ").append(info.getLockOwnerName());
                    }
                }
                String held = held(info, t, names);
                if (!held.equals("nothing")) {
                    sb.append(", holding ").append(held);
                }
            }
            sb.append(frames(t.getStackTrace()));
            parts.add(sb.toString());
        }
        return String.join("; ", parts);
    }

    /** " at A.m (cell 5, line 3) < B.n line 7": the innermost student frames. */
    private static String frames(StackTraceElement[] stack) {
        List<String> student = Arrays.stream(stack).filter(Feedback::isStudentFrame).limit(FRAMES).map(Feedback::where).toList();
        return student.isEmpty() ? "" : " at " + String.join(" < ", student);
    }

    private static Map<Object, String> withFields(Map<Object, String> labels) {
        Map<Object, String> names = new IdentityHashMap<>(Locks.named(Submission.created().toArray()));
        names.putAll(labels);  // the test's own labels win
        return names;
    }

    private static Thread thread(long id) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.threadId() == id).findFirst().orElse(null);
    }

    private static String held(ThreadInfo info, Thread t, Map<Object, String> names) {
        List<String> held = new ArrayList<>();
        for (MonitorInfo m : info.getLockedMonitors()) {
            held.add(lockName(m, t, true, names));
        }
        for (LockInfo l : info.getLockedSynchronizers()) {
            held.add(lockName(l, t, true, names));
        }
        return held.isEmpty() ? "nothing" : String.join(" and ", held.stream().distinct().toList());
    }

    private static String lockName(LockInfo lock, Thread t, boolean held, Map<Object, String> names) {
        if (lock == null) {
            return "nothing";
        }
        String label = Locks.label(lock, t, held, names);
        if (label != null) {
            return label;
        }
        return Feedback.simpleClass(lock.getClassName()) + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }
}
