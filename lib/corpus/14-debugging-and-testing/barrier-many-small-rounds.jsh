// kind: correct
// about: many short rounds, each started by a barrier; every writer checks the upper bound after its own increment
// ==== cell 14-debugging-and-testing-06
class MyCounterTest implements CounterTest {
    public boolean passes(Supplier<Counter> counters) throws Exception {
        Counter counter = counters.get();
        int threads = 3, rounds = 200, each = 37;
        AtomicLong started = new AtomicLong();
        AtomicBoolean bad = new AtomicBoolean();
        CyclicBarrier barrier = new CyclicBarrier(threads);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ts.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        barrier.await(5, TimeUnit.SECONDS);     // every round starts together
                        for (int i = 0; i < each; i++) {
                            started.incrementAndGet();
                            counter.increment();
                            long seen = counter.get();
                            if (seen > started.get()) bad.set(true);
                        }
                    }
                } catch (Exception e) { bad.set(true); }
            }));
        }
        for (Thread t : ts) t.join(Duration.ofSeconds(5));
        return !bad.get() && counter.get() == (long) threads * rounds * each;
    }
}
