package dev.mlobservatory.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.RawHttp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Connections that never finish their head, or never send one. Before the fix they were never closed. */
class StalledHeadersTest {

    @Test
    void aHeadThatStopsHalfWayIsClosedAfterTheHeaderTimeout() {
        try (TestApi api = new TestApi(false, TestApi.QUICK);
             RawHttp stalled = RawHttp.connect(api.port()).send("GET /health HTTP/1.1\r\nHost: te")) {
            RawHttp.Outcome outcome = stalled.awaitClose(Duration.ofSeconds(10));
            assertThat(outcome.closed()).as("closed within 10 s (header timeout 1 s)").isTrue();
            assertThat(api.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aHeadTrickledOneByteAtATimeIsClosedToo() {
        try (TestApi api = new TestApi(false, TestApi.QUICK);
             RawHttp trickle = RawHttp.connect(api.port())) {
            // One byte every 200 ms keeps a per-read inactivity timer happy for ever; the header timeout is a deadline.
            String head = "GET /health HTTP/1.1\r\nHost: test\r\nX-Slow: " + "a".repeat(200) + "\r\n\r\n";
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < head.length() && !closed; i++) {
                closed = !trickle.trySend(new byte[] {(byte) head.charAt(i)})
                        || trickle.awaitClose(Duration.ofMillis(200)).closed();
            }
            assertThat(closed).as("closed before the head was complete").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout() {
        try (TestApi api = new TestApi(false, TestApi.QUICK);
             RawHttp silent = RawHttp.connect(api.port())) {
            assertThat(silent.awaitClose(Duration.ofSeconds(12)).closed())
                    .as("closed within 12 s (idle timeout 2 s)").isTrue();
        }
    }
}
