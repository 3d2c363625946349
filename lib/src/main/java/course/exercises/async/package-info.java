/** Exercise 11-async: a {@link course.exercises.async.Fetcher} that fetches URLs with {@code HttpClient} and CompletableFuture, at most K in flight. */
package course.exercises.async;
