/**
 * Exercise 12-event-loops-and-async-io: a single-threaded {@link course.exercises.eventloop.EventLoop} (tasks,
 * timers, completions hopped onto the loop, a watchdog, a clean close) and {@link course.exercises.eventloop.LoopHttp},
 * asynchronous HTTP whose state only the loop thread touches.
 */
package course.exercises.eventloop;
