package dev.mlobservatory.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.RawHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Clients that send a head and then stop half-way through the body. Before the fix each held a worker thread for
 * ever: 64 of them and /v1/predict stopped answering, and two stalled PUT /admin/faults held the pool that serves
 * /health and /metrics.
 */
class StalledBodyTest {

    /** More stalled bodies than there are worker threads (64). */
    private static final int STALLED = 80;

    @Test
    void stalledBodiesAreAnswered408AndCountedWhilePredictKeepsAnswering() {
        try (TestApi api = new TestApi(false, TestApi.QUICK)) {
            List<RawHttp> stalled = Stalled.bodies(api.port(), STALLED, "POST", "/v1/predict");
            try {
                // Predictions are answered while the stalled clients are still connected.
                CompletableFuture<HttpResponse<String>> predict =
                        CompletableFuture.supplyAsync(() -> api.postJson("/v1/predict", Stalled.FLOWER));
                assertThat(predict).succeedsWithin(8, TimeUnit.SECONDS)
                        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(200));

                // Each stalled client is cut off after the body timeout (1 s here) with a 408 it can read.
                RawHttp.Outcome first = stalled.get(0).awaitClose(Duration.ofSeconds(10));
                assertThat(first.closed()).as("closed within 10 s; got: %s", first.received()).isTrue();
                assertThat(first.status()).isEqualTo(408);
                assertThat(first.received()).contains("\"error\":").contains("\"field\":null")
                        .containsIgnoringCase("connection: close");
                for (RawHttp c : stalled.subList(1, stalled.size())) {
                    assertThat(c.awaitClose(Duration.ofSeconds(10)).closed()).isTrue();
                }
            } finally {
                Stalled.closeAll(stalled);
            }
            assertThat(RawHttp.await(Duration.ofSeconds(10),
                    () -> Stalled.httpCount(api.scrape(), "POST", "/v1/predict", 408) == STALLED))
                    .as("every 408 counted in http_server_request_duration_seconds").isTrue();
        }
    }

    @Test
    void stalledAdminBodiesDoNotStallHealthOrMetrics() {
        try (TestApi api = new TestApi(true, TestApi.QUICK)) {
            List<RawHttp> stalled = Stalled.bodies(api.port(), 4, "PUT", "/admin/faults");
            try {
                CompletableFuture<Integer> health = CompletableFuture.supplyAsync(() -> api.get("/health").statusCode());
                CompletableFuture<Integer> metrics = CompletableFuture.supplyAsync(() -> api.get("/metrics").statusCode());
                assertThat(health).succeedsWithin(8, TimeUnit.SECONDS).isEqualTo(200);
                assertThat(metrics).succeedsWithin(8, TimeUnit.SECONDS).isEqualTo(200);
                assertThat(stalled.get(0).awaitClose(Duration.ofSeconds(10)).status()).isEqualTo(408);
            } finally {
                Stalled.closeAll(stalled);
            }
        }
    }
}
