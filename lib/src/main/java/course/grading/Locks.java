package course.grading;

import java.lang.management.LockInfo;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Names locks and conditions the way the student wrote them: by the fields that hold them. A
 * {@code ConditionObject@4fd6a983} in a report becomes {@code MyBuffer.notFull}, the monitor of a
 * lock object {@code MyBank.lock}. Used by {@link Deadlocks} for the objects the test made with
 * {@link Submission#create}; a test can add its own with {@link #named}.
 */
public final class Locks {

    private static final int MAX_ELEMENTS = 64;

    private Locks() {
    }

    /**
     * Every object held in a field of {@code owners} (and in arrays or collections in those fields,
     * as {@code Owner.locks[2]}), mapped to "Owner.field": the labels for {@link Deadlocks}.
     * Fields are read by reflection; a field that cannot be read is skipped.
     */
    public static Map<Object, String> named(Object... owners) {
        Map<Object, String> names = new IdentityHashMap<>();
        for (Object owner : owners) {
            if (owner == null) {
                continue;
            }
            for (Class<?> c = owner.getClass(); c != null && c != Object.class && !c.getName().startsWith("java."); c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getType().isPrimitive() || f.isSynthetic()) {
                        continue;
                    }
                    Object value;
                    try {
                        f.setAccessible(true);
                        value = f.get(Modifier.isStatic(f.getModifiers()) ? null : owner);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        continue;
                    }
                    String name = owner.getClass().getSimpleName() + "." + f.getName();
                    add(names, value, name);
                }
            }
        }
        return names;
    }

    private static void add(Map<Object, String> names, Object value, String name) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return;
        }
        names.putIfAbsent(value, name);
        if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            for (int i = 0; i < Math.min(Array.getLength(value), MAX_ELEMENTS); i++) {
                add(names, Array.get(value, i), name + "[" + i + "]");
            }
        } else if (value instanceof Collection<?> list && list.size() <= MAX_ELEMENTS) {
            int i = 0;
            try {
                for (Object element : list) {
                    add(names, element, name + "[" + i++ + "]");
                }
            } catch (RuntimeException e) {
                // a collection changing under us: the names so far will do
            }
        }
    }

    /**
     * The name of {@code lock}, as the JVM reports it for {@code thread} (waiting for it, or holding
     * it when {@code held}), or null when no label fits. A {@code ReentrantLock} is reported by its
     * hidden {@code Sync} object, so it is matched by who waits for it or holds it.
     */
    static String label(LockInfo lock, Thread thread, boolean held, Map<Object, String> labels) {
        for (Map.Entry<Object, String> e : labels.entrySet()) {
            if (System.identityHashCode(e.getKey()) == lock.getIdentityHashCode()) {
                return e.getValue();
            }
        }
        if (thread == null) {
            return null;
        }
        Map<Object, String> candidates = new LinkedHashMap<>();
        for (Map.Entry<Object, String> e : labels.entrySet()) {
            Object key = e.getKey();
            boolean fits = false;
            if (key instanceof ReentrantLock l && lock.getClassName().startsWith(ReentrantLock.class.getName() + "$")) {
                fits = held ? l.isLocked() && l.toString().endsWith("[Locked by thread " + thread.getName() + "]") : l.hasQueuedThread(thread);
            } else if (key instanceof ReentrantReadWriteLock l
                    && lock.getClassName().startsWith(ReentrantReadWriteLock.class.getName() + "$")) {
                fits = held ? l.isWriteLocked() || l.getReadLockCount() > 0 : l.hasQueuedThread(thread);
            } else if (lock.getClassName().startsWith(key.getClass().getName() + "$")) {
                fits = true;  // a Semaphore's or latch's Sync: the only one of its kind in the labels
            }
            if (fits) {
                candidates.put(key, e.getValue());
            }
        }
        return candidates.size() == 1 ? candidates.values().iterator().next() : null;
    }
}
