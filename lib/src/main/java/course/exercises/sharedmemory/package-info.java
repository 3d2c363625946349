/**
 * Exercise 10-process-pools-and-shared-memory: a {@link course.exercises.sharedmemory.TicketRoll}, numbered
 * tickets kept in a file that several worker JVMs take from at once, each ticket exactly once.
 */
package course.exercises.sharedmemory;
