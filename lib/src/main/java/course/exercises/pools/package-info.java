/** Exercise 05-pools: an order-keeping, fail-fast {@link course.exercises.pools.PoolMapper} over an ExecutorService. */
package course.exercises.pools;
