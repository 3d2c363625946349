/**
 * What threads did over time: {@link course.trace.ThreadStates} samples the state of the platform
 * threads a piece of code starts (running, blocked, waiting, parked, sleeping) into a
 * {@link course.trace.StateTimeline}, which {@code Charts.threadStates} draws one row per thread.
 * Depends on no other course package.
 */
package course.trace;
