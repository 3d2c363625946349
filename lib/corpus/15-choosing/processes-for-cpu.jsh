// kind: bug
// bug_class: wrong model: Python's answer (a process pool for CPU-bound work, as under the GIL)
// expect_fail: choosesForCpu
// feedback: Python's answer
// about: the FAQ's CPython advice carried over to Java, where threads compute in parallel
// ==== cell 15-choosing-11
class MyChooser implements Chooser {
    public Plan choose(Workload work) {
        return switch (work.kind()) {
            case CPU -> Plan.pool(Model.PROCESS_POOL, work.cores());
            case IO -> Plan.of(Model.VIRTUAL_THREADS);
        };
    }
}
