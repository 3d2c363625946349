/** Exercise 09-processes: a {@link course.exercises.processes.WordCounter} that counts words in worker JVMs and merges in the parent. */
package course.exercises.processes;
