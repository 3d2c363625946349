/**
 * The worker programs of the processes lessons (09 processes, 10 process pools and shared memory):
 * main classes and pool tasks, each run in a child JVM that the notebook starts with
 * {@link course.process.WorkerJvm}, a {@link java.lang.ProcessBuilder} or a {@link course.process.ProcessPool}.
 *
 * <ul>
 *   <li>{@link course.workers.Hello}: prints who it is and exits with a chosen code (start cost, exit codes).</li>
 *   <li>{@link course.workers.Sleeper}: waits, optionally with child JVMs of its own (process trees, destroying).</li>
 *   <li>{@link course.workers.SocketEcho}: a loopback TCP or Unix-domain-socket echo server (IPC round trips).</li>
 *   <li>{@link course.workers.ItemProducer}, {@link course.workers.ItemConsumer}: the two ends of a
 *       producer-consumer pipeline between processes.</li>
 *   <li>{@link course.workers.ReportWriter}: writes a file slowly, in place or then renamed ("process safety").</li>
 *   <li>{@link course.workers.Fragile}, {@link course.workers.WhoAmI}: {@link course.process.WorkerTask}s for
 *       crash containment and for the separate memory of pool workers.</li>
 *   <li>{@link course.workers.Source}: prints the source of these classes, so a lesson shows the code a
 *       worker runs.</li>
 * </ul>
 *
 * <p>Every main that waits also ends when its standard input reaches end-of-file, so a worker whose
 * parent is gone does not linger.
 */
package course.workers;
