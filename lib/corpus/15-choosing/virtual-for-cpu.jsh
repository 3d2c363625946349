// kind: bug
// bug_class: wrong model: virtual threads for CPU-bound work "to speed it up"
// expect_fail: choosesForCpu
// feedback: virtual threads do not make computing faster
// about: virtual threads everywhere: they are cheap to wait, not faster to compute
// ==== cell 15-choosing-11
class MyChooser implements Chooser {
    public Plan choose(Workload work) {
        return Plan.of(Model.VIRTUAL_THREADS);                  // the newest and fastest threads
    }
}
