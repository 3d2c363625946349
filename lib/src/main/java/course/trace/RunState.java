package course.trace;

import java.lang.management.ThreadInfo;

/**
 * What a platform thread was doing at a sample, finer than {@link Thread.State}: a waiting thread is
 * told apart by what it waits in.
 */
public enum RunState {
    /** On a CPU, or ready to run ({@code RUNNABLE}; also a thread blocked in native I/O). */
    RUNNING,
    /** Waiting to enter a {@code synchronized} block or method held by another thread. */
    BLOCKED,
    /** In {@code Object.wait}, {@code Thread.join} or another untimed or timed wait on a monitor. */
    WAITING,
    /** Parked by {@code LockSupport}: a {@code java.util.concurrent} lock, condition, queue, latch or future. */
    PARKED,
    /** In {@code Thread.sleep}. */
    SLEEPING;

    /** The state of a thread from its {@link ThreadInfo}, taken with a stack depth of at least 1. */
    public static RunState of(ThreadInfo info) {
        return switch (info.getThreadState()) {
            case RUNNABLE, NEW, TERMINATED -> RUNNING;
            case BLOCKED -> BLOCKED;
            case WAITING, TIMED_WAITING -> waitingIn(info.getStackTrace());
        };
    }

    private static RunState waitingIn(StackTraceElement[] stack) {
        if (stack.length == 0) {
            return WAITING;
        }
        StackTraceElement top = stack[0];
        String method = top.getMethodName();
        if (method.startsWith("park")) {
            return PARKED;
        }
        if (top.getClassName().equals("java.lang.Thread") && method.startsWith("sleep")) {
            return SLEEPING;
        }
        return WAITING;
    }
}
