/**
 * Deterministic work for demos: {@link course.workload.Cpu} burns CPU in a repeatable way,
 * {@link course.workload.Io} waits like I/O does (sleeping, or a blocking HTTP GET).
 */
package course.workload;
