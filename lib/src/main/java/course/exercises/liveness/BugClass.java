package course.exercises.liveness;

/** What can be wrong with a program whose threads share locks: the answers a {@link Finding} chooses from. */
public enum BugClass {
    /** Threads wait for each other in a cycle: each holds a lock another one needs, and none ever goes on. */
    DEADLOCK,
    /** Threads keep running, taking and giving back locks, yet none of them gets its work done. */
    LIVELOCK,
    /** Most threads get their work done; one or more hardly ever get the lock they need. */
    STARVATION,
    /** Nothing is wrong but speed: threads queue for a lock that is held too long or too widely. */
    CONTENTION,
    /** Two threads change the same data at once and one change is lost or half-seen. */
    LOST_UPDATE
}
