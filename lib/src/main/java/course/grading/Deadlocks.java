package course.grading;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deadlock detector: asks the JVM ({@link ThreadMXBean}) which threads are blocked in a cycle
 * and says it in plain words, "deadlock: transfer-1 holds A, waits for B; transfer-2 holds B,
 * waits for A". Locks are named by the labels the test gives (an account's monitor is "A");
 * others by their class and identity hash.
 */
public final class Deadlocks {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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
        Map<Integer, String> names = byIdentity(labels);
        List<String> parts = new ArrayList<>();
        for (ThreadInfo info : infos) {
            if (info != null) {
                parts.add(info.getThreadName() + " holds " + held(info, names) + ", waits for "
                        + lockName(info.getLockInfo(), names));
            }
        }
        parts.sort(null);
        return Optional.of("deadlock: " + String.join("; ", parts));
    }

    /**
     * What each of {@code threads} is doing: state, the lock it waits for and who holds it, and
     * the student's frame it is stuck in. Used when a test's threads do not finish in time.
     */
    public static String describeStuck(Collection<Thread> threads, Map<Object, String> labels) {
        Map<Integer, String> names = byIdentity(labels);
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
                    sb.append(" on ").append(lockName(info.getLockInfo(), names));
                    if (info.getLockOwnerName() != null) {
                        sb.append(" held by ").append(info.getLockOwnerName());
                    }
                }
            }
            Arrays.stream(t.getStackTrace()).filter(Feedback::isStudentFrame).findFirst()
                    .ifPresent(f -> sb.append(" at ").append(Feedback.simpleClass(f.getClassName())).append('.')
                            .append(f.getMethodName()).append(f.getLineNumber() > 0 ? " line " + f.getLineNumber() : ""));
            parts.add(sb.toString());
        }
        return String.join("; ", parts);
    }

    private static String held(ThreadInfo info, Map<Integer, String> names) {
        List<String> held = new ArrayList<>();
        for (MonitorInfo m : info.getLockedMonitors()) {
            held.add(lockName(m, names));
        }
        for (LockInfo l : info.getLockedSynchronizers()) {
            held.add(lockName(l, names));
        }
        return held.isEmpty() ? "nothing" : String.join(" and ", held.stream().distinct().toList());
    }

    private static String lockName(LockInfo lock, Map<Integer, String> names) {
        if (lock == null) {
            return "nothing";
        }
        String label = names.get(lock.getIdentityHashCode());
        if (label != null) {
            return label;
        }
        String cls = lock.getClassName();
        return Feedback.simpleClass(cls) + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }

    private static Map<Integer, String> byIdentity(Map<Object, String> labels) {
        Map<Integer, String> names = new HashMap<>();
        labels.forEach((lock, name) -> names.put(System.identityHashCode(lock), name));
        return names;
    }
}
