package course.timing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MemoryTest {

    @Test
    void aRetainedArrayShowsUpInTheSettledHeap() throws InterruptedException {
        long before = Memory.settledHeapBytes();
        long[] retained = new long[8 * 1024 * 1024];  // 64 MiB
        retained[retained.length - 1] = 1;
        long after = Memory.settledHeapBytes();
        long grown = after - before;
        assertTrue(grown > 60L * 1024 * 1024 && grown < 70L * 1024 * 1024, "heap grew by " + grown + " bytes");
        assertTrue(retained[retained.length - 1] == 1);  // keeps the array alive until here
    }
}
