/**
 * Small tasks and main classes for the process lessons: {@link course.process.tasks.CountPrimes},
 * {@link course.process.tasks.Echo} and {@link course.process.tasks.WordCount} for
 * {@link course.process.ProcessPool}; {@link course.process.tasks.PipeEcho} for round-trip times
 * over pipes; {@link course.process.tasks.SharedCounter} for shared memory between processes.
 */
package course.process.tasks;
