// kind: correct
// about: virtual-thread writers released by a Phaser, a platform reader checking bounds and monotonicity
// ==== cell 14-debugging-and-testing-06
class MyCounterTest implements CounterTest {
    public boolean passes(Supplier<Counter> counters) throws Exception {
        for (int round = 0; round < 4; round++) {
            Counter counter = counters.get();
            AtomicLong started = new AtomicLong();
            AtomicBoolean bad = new AtomicBoolean(), over = new AtomicBoolean();
            Phaser gate = new Phaser(1);
            try (var scope = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < 6; t++) {
                    gate.register();
                    scope.submit(() -> {
                        gate.arriveAndAwaitAdvance();
                        for (int i = 0; i < 1_503; i++) { started.incrementAndGet(); counter.increment(); }
                        gate.arriveAndDeregister();
                        return null;
                    });
                }
                Thread reader = Thread.ofPlatform().start(() -> {
                    long last = 0;
                    while (!over.get()) {
                        long now = counter.get();
                        if (now < last || now > started.get()) bad.set(true);
                        last = now;
                    }
                });
                gate.arriveAndAwaitAdvance();                 // opens the gate for all six
                gate.awaitAdvanceInterruptibly(gate.arrive(), 5, TimeUnit.SECONDS);
                over.set(true);
                reader.join(Duration.ofSeconds(5));
            }
            if (bad.get() || counter.get() != 6L * 1_503) return false;
        }
        return true;
    }
}
