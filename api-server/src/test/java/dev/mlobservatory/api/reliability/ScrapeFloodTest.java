package dev.mlobservatory.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.RawHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many scrapes at once share one scrape in progress. Before the fix they queued on a two-thread pool with a queue of
 * 64, and the rest (Prometheus's own scrape among them) got 503.
 */
class ScrapeFloodTest {

    private static final int CLIENTS = 200;
    private static final int ROUNDS = 5;

    @Test
    void twoHundredConcurrentScrapersAllGet200() throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try (TestApi api = new TestApi()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                done.add(pool.submit(() -> {
                    try (RawHttp c = RawHttp.connect(api.port())) {
                        go.await();
                        for (int round = 0; round < ROUNDS; round++) {
                            RawHttp.Response r = c.send("GET /metrics HTTP/1.1\r\nHost: test\r\n\r\n")
                                    .readResponse(Duration.ofSeconds(20));
                            int status = r == null ? -1 : r.status();
                            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                            if (r == null || r.hasHeader("connection", "close")) {
                                break;
                            }
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            Map<Integer, Integer> seen = new TreeMap<>();
            statuses.forEach((s, n) -> seen.put(s, n.get()));
            assertThat(seen).as("status → count").containsExactly(Map.entry(200, CLIENTS * ROUNDS));
            assertThat(api.get("/metrics").statusCode()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
