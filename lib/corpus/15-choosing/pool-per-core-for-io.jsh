// kind: bug
// bug_class: pool too small: blocking tasks on a platform pool sized to the cores
// expect_fail: choosesForIo
// feedback: past its deadline
// about: one rule for all work: newFixedThreadPool(cores) for 10,000 waits of 20 ms takes minutes
// ==== cell 15-choosing-11
class MyChooser implements Chooser {
    public Plan choose(Workload work) {
        return Plan.pool(Model.FIXED_POOL, work.cores());       // "size the pool to the cores"
    }
}
