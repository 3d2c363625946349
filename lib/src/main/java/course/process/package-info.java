/**
 * Worker JVMs: {@link course.process.WorkerJvm} starts one child JVM and talks to it over its
 * standard input and output; {@link course.process.ProcessPool} keeps several of them busy with
 * {@link course.process.WorkerTask}s, like Python's {@code multiprocessing.Pool}.
 * {@code course.process.tasks} holds small tasks and mains for the lessons.
 */
package course.process;
