package course.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CpuTest {

    @Test
    void countsPrimesBelowTheLimit() {
        assertEquals(0, Cpu.countPrimes(0));
        assertEquals(0, Cpu.countPrimes(2));
        assertEquals(1, Cpu.countPrimes(3));
        assertEquals(4, Cpu.countPrimes(10));
        assertEquals(25, Cpu.countPrimes(100));
        assertEquals(78_498, Cpu.countPrimes(1_000_000));
    }

    @Test
    void rangeCountsAddUp() {
        long whole = Cpu.countPrimes(0L, 200_000L);
        long parts = LongStream.range(0, 8)
                .map(i -> Cpu.countPrimes(i * 25_000, (i + 1) * 25_000))
                .sum();
        assertEquals(whole, parts);
        assertEquals(Cpu.countPrimes(200_000), whole);
        assertEquals(0, Cpu.countPrimes(24L, 29L));
        assertEquals(1, Cpu.countPrimes(23L, 24L));
    }

    @Test
    void rejectsAReversedRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> Cpu.countPrimes(10L, 5L));
        assertTrue(e.getMessage().contains("from <= to"), e.getMessage());
    }

    @Test
    void isPrimeByTrialDivision() {
        assertFalse(Cpu.isPrime(-7));
        assertFalse(Cpu.isPrime(1));
        assertTrue(Cpu.isPrime(2));
        assertFalse(Cpu.isPrime(9));
        assertTrue(Cpu.isPrime(2_147_483_647L));
        assertFalse(Cpu.isPrime(2_147_483_647L * 3));
    }

    @Test
    void monteCarloPiIsDeterministicPerSeedAndNearPi() {
        double a = Cpu.monteCarloPi(1_000_000, 42);
        assertEquals(a, Cpu.monteCarloPi(1_000_000, 42));
        assertNotEquals(a, Cpu.monteCarloPi(1_000_000, 43));
        assertEquals(Math.PI, a, 0.01);
        assertEquals(4.0 * Cpu.monteCarloHits(1_000_000, 42) / 1_000_000, a);
        assertThrows(IllegalArgumentException.class, () -> Cpu.monteCarloPi(0, 1));
    }

    @Test
    void sizeForFindsASizeNearTheTarget() {
        // work that takes `size` microseconds of wall time: the right size for 20 ms is 20,000
        int size = Cpu.sizeFor(Duration.ofMillis(20), micros -> {
            long end = System.nanoTime() + micros * 1_000L;
            long spins = 0;
            while (System.nanoTime() < end) {
                spins++;
            }
            return spins;
        });
        // generous bounds: a descheduled thread makes a call look slower, so the size smaller
        assertTrue(size >= 2_000 && size <= 100_000, "size " + size);
    }

    @Test
    void sizeForRejectsABadTarget() {
        assertThrows(IllegalArgumentException.class, () -> Cpu.sizeFor(Duration.ZERO, Cpu::countPrimes));
        assertThrows(IllegalArgumentException.class, () -> Cpu.sizeFor(Duration.ofHours(1), Cpu::countPrimes));
    }
}
