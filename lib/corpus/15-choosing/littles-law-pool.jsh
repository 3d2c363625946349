// kind: correct
// about: other formulas and other plans: n / (1 + f (n - 1)), Math.ceil on doubles, a CPU pool of cores + 1, and for waits a platform pool sized by Little's law (virtual threads only when it would pass the thread limit)
// ==== cell 15-choosing-06
class MyPredictor implements Predictor {
    public double speedup(int threads, int cores, double serialFraction) {
        double n = Math.min(threads, cores);
        return n / (1 + serialFraction * (n - 1));              // Amdahl's law, multiplied through by n
    }

    public Duration ioTime(int tasks, int concurrency, Duration latency) {
        return Duration.ofNanos(latency.toNanos() * (long) Math.ceil((double) tasks / concurrency));
    }
}
// ==== cell 15-choosing-11
class MyChooser implements Chooser {
    public Plan choose(Workload work) {
        if (work.kind() == Workload.Kind.CPU) {
            return Plan.pool(Model.FIXED_POOL, work.cores() + 1);   // one spare for the odd page fault
        }
        // Little's law: in flight = tasks / deadline * each
        long needed = (long) Math.ceil((double) work.tasks() * work.each().toNanos() / work.deadline().toNanos());
        return needed <= work.threadLimit() ? Plan.pool(Model.FIXED_POOL, (int) Math.max(1, needed)) : Plan.of(Model.VIRTUAL_THREADS);
    }
}
