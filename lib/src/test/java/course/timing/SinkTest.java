package course.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.testing.Together;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SinkTest {

    @AfterEach
    void disarm() {
        Sink.disarm();
    }

    @Test
    void neverCallsMethodsOfTheValue() {
        Object hostile = new Object() {
            @Override
            public int hashCode() {
                throw new AssertionError("consume must not call hashCode: it may walk a whole collection");
            }

            @Override
            public String toString() {
                throw new AssertionError("consume must not call toString");
            }
        };
        Sink.consume(hostile);
        Sink.consume((Object) null);
        assertEquals(System.identityHashCode(hostile), Sink.fingerprint(hostile));
    }

    @Test
    void fingerprintsNumbersByValue() {
        assertEquals(42L, Sink.fingerprint(42));
        assertEquals(42L, Sink.fingerprint(42L));
        assertEquals(Double.doubleToRawLongBits(0.5), Sink.fingerprint(0.5));
        assertEquals(1L, Sink.fingerprint(true));
    }

    @Test
    void theConsumedValueReachesAVolatileFieldFromAnyThread() throws Exception {
        int threads = 4;
        long marker = 987_654_321L;
        Sink.arm(marker);
        Together.run(threads, id -> {
            for (long i = 0; i < 100_000; i++) {
                Sink.consume(id == 2 && i == 77_777 ? marker : i + 1_000_000_000L);
            }
        });
        assertEquals(marker, Sink.caught());
    }

    @Test
    void disarmedTrapsCatchNothing() {
        for (long i = -1000; i < 1000; i++) {
            Sink.consume(i);
        }
        Sink.consume(Long.MAX_VALUE);
        assertEquals(0, Sink.caught());
    }
}
