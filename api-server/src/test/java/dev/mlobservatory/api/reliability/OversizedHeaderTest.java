package dev.mlobservatory.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Request heads beyond the limit (8 KiB). Before the fix heads up to 1 MiB were accepted and kept per connection. */
class OversizedHeaderTest {

    @Test
    void aHeadOverTheLimitIsAnswered431WithTheJsonBodyAndCounted() {
        try (TestApi api = new TestApi();
             RawHttp c = RawHttp.connect(api.port())) {
            c.send("GET /health HTTP/1.1\r\nHost: test\r\nX-Big: " + "a".repeat(12 * 1024) + "\r\n\r\n");
            RawHttp.Response r = c.readResponse(Duration.ofSeconds(10));
            assertThat(r).as("a response").isNotNull();
            assertThat(r.status()).isEqualTo(431);
            assertThat(r.body()).contains("\"error\":\"request head").contains("8192");
            assertThat(Stalled.httpCount(api.scrape(), "GET", "/health", 431)).isEqualTo(1);
        }
    }

    @Test
    void aHugeHeadIsNotReadToTheEnd() {
        try (TestApi api = new TestApi();
             RawHttp c = RawHttp.connect(api.port())) {
            c.send("GET /health HTTP/1.1\r\nHost: test\r\nX-Huge: ");
            byte[] chunk = "a".repeat(16 * 1024).getBytes(StandardCharsets.ISO_8859_1);
            int sent = 0;
            // 768 KiB, below Undertow's old 1 MiB limit: the server must give up long before the end.
            while (sent < 768 * 1024 && c.trySend(chunk)) {
                sent += chunk.length;
            }
            c.trySend("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            RawHttp.Outcome outcome = c.awaitClose(Duration.ofSeconds(10));
            assertThat(outcome.closed()).as("closed; got %s", outcome.received()).isTrue();
            assertThat(outcome.status()).isIn(400, 431, -1);
        }
    }
}
