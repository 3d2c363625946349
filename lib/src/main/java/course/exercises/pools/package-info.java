/** Exercise 04-pools: an order-keeping, fail-fast {@link course.exercises.pools.PoolMapper} over an ExecutorService. */
package course.exercises.pools;
