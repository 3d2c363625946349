// kind: bug
// bug_class: wrong diagnosis (every lock of the class named, not the ones in the cycle)
// expect_fail: firstDiagnosed
// feedback: the locks are not right
// about: the bug class is right but statsLock, which no stuck thread held or awaited, is named too
// ==== cell 04-contention-and-liveness-14
class MyDiagnosis implements Diagnosis {
    public Finding first() {
        return new Finding(BugClass.DEADLOCK, Set.of("stockLock", "ordersLock", "statsLock"));
    }
    public Finding second() {
        return new Finding(BugClass.LIVELOCK, Set.of("stockLock", "ordersLock"));
    }
}
