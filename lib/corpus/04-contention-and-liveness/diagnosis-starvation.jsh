// kind: bug
// bug_class: wrong diagnosis (DepotV2 called starvation: the fix is right, the reading of the report is not)
// expect_fail: secondDiagnosed
// feedback: not starvation
// about: the clerks of DepotV2 are all stuck near zero operations; starvation would leave most of them working
// ==== cell 04-contention-and-liveness-14
class MyDiagnosis implements Diagnosis {
    public Finding first() {
        return new Finding(BugClass.DEADLOCK, Set.of("DepotV1.stockLock", "DepotV1.ordersLock"));
    }
    public Finding second() {
        return new Finding(BugClass.STARVATION, Set.of("DepotV2.stockLock", "DepotV2.ordersLock"));
    }
}
