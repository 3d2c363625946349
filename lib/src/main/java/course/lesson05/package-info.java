/**
 * Worker main classes and pool tasks for lesson 09 (processes): each runs in a child JVM that the
 * notebook starts with {@link course.process.WorkerJvm}, a {@link java.lang.ProcessBuilder} or a
 * {@link course.process.ProcessPool}.
 *
 * <ul>
 *   <li>{@link course.lesson05.Hello}: prints who it is and exits with a chosen code (start cost, exit codes).</li>
 *   <li>{@link course.lesson05.Sleeper}: waits, optionally with child JVMs of its own (process trees, destroying).</li>
 *   <li>{@link course.lesson05.SocketEcho}: a loopback TCP or Unix-domain-socket echo server (IPC round trips).</li>
 *   <li>{@link course.lesson05.ItemProducer}, {@link course.lesson05.ItemConsumer}: the two ends of a
 *       producer-consumer pipeline between processes.</li>
 *   <li>{@link course.lesson05.ReportWriter}: writes a file slowly, in place or then renamed ("process safety").</li>
 *   <li>{@link course.lesson05.FileCounter}: a counter in a plain file, incremented with or without a {@link java.nio.channels.FileLock}.</li>
 *   <li>{@link course.lesson05.Fragile}, {@link course.lesson05.WhoAmI}: {@link course.process.WorkerTask}s for
 *       crash containment and for the separate memory of pool workers.</li>
 * </ul>
 *
 * <p>Every main that waits also ends when its standard input reaches end-of-file, so a worker whose
 * parent is gone does not linger.
 */
package course.lesson05;
