// kind: correct
// about: a chooser that reads the machine differently: sequential on one core, a platform thread per wait when they fit the limit, virtual threads beyond it
// ==== cell 15-choosing-11
class MyChooser implements Chooser {
    public Plan choose(Workload work) {
        if (work.kind() == Workload.Kind.CPU) {
            return work.cores() == 1 ? Plan.of(Model.SEQUENTIAL) : Plan.pool(Model.FIXED_POOL, work.cores());
        }
        return work.tasks() <= work.threadLimit() ? Plan.of(Model.PLATFORM_THREAD_PER_TASK) : Plan.of(Model.VIRTUAL_THREADS);
    }
}
