package dev.mlobservatory.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.RawHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Beyond the connection cap a new connection gets a clean 503 instead of waiting, and the cap frees up again. */
class ConnectionLimitTest {

    private static final int CAP = 8;

    @Test
    void oneConnectionTooManyIsRefusedWith503AndServedOnceOneCloses() {
        List<RawHttp> held = new ArrayList<>();
        try (TestApi api = new TestApi(false, TestApi.QUICK.withMaxConnections(CAP)
                .withIdleTimeout(Duration.ofSeconds(60)))) {
            for (int i = 0; i < CAP; i++) {
                RawHttp c = RawHttp.connect(api.port()).send("GET /health HTTP/1.1\r\nHost: test\r\n\r\n");
                assertThat(c.readResponse(Duration.ofSeconds(10))).isNotNull()
                        .satisfies(r -> assertThat(r.status()).isEqualTo(200));
                held.add(c); // kept alive: still an open connection
            }
            try (RawHttp extra = RawHttp.connect(api.port())) {
                extra.send("GET /health HTTP/1.1\r\nHost: test\r\n\r\n");
                RawHttp.Outcome outcome = extra.awaitClose(Duration.ofSeconds(10));
                assertThat(outcome.closed()).isTrue();
                assertThat(outcome.status()).isEqualTo(503);
                assertThat(outcome.received()).contains("\"error\":\"too many open connections");
            }
            held.remove(0).close();
            assertThat(RawHttp.await(Duration.ofSeconds(10), () -> {
                try (RawHttp again = RawHttp.connect(api.port())) {
                    RawHttp.Response r = again.send("GET /health HTTP/1.1\r\nHost: test\r\n\r\n")
                            .readResponse(Duration.ofSeconds(5));
                    return r != null && r.status() == 200;
                }
            })).as("served again once a connection closed").isTrue();
        } finally {
            Stalled.closeAll(held);
        }
    }
}
