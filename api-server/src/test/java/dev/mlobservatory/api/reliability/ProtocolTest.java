package dev.mlobservatory.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.RawHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Broken requests get the JSON error body and are counted with the status they got; HEAD works on GET routes. */
class ProtocolTest {

    /**
     * Undertow closes the connection itself on a malformed chunk, so no answer can be sent; the request must still be
     * counted as the failure it was, not as the 200 the exchange ends with by default.
     */
    @Test
    void aMalformedChunkedBodyIsCountedAs400NotAs200() {
        try (TestApi api = new TestApi();
             RawHttp c = RawHttp.connect(api.port())) {
            c.send("POST /v1/predict HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
            RawHttp.Outcome outcome = c.awaitClose(Duration.ofSeconds(10));
            assertThat(outcome.closed()).isTrue();
            assertThat(outcome.status()).as("got: %s", outcome.received()).isIn(-1, 400);
            assertThat(RawHttp.await(Duration.ofSeconds(10),
                    () -> Stalled.httpCount(api.scrape(), "POST", "/v1/predict", 400) == 1)).isTrue();
            assertThat(Stalled.httpCount(api.scrape(), "POST", "/v1/predict", 200)).isZero();
        }
    }

    /** Undertow's parser rejects these before any handler; the client still gets the JSON body and it is counted. */
    @Test
    void anUnparseableRequestLineGetsTheJsonBodyAndIsCounted() {
        try (TestApi api = new TestApi();
             RawHttp c = RawHttp.connect(api.port())) {
            RawHttp.Response r = c.send("GET /health HTTP/1.1 extra\r\nHost: test\r\n\r\n")
                    .readResponse(Duration.ofSeconds(10));
            assertThat(r).isNotNull();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("\"error\":\"the request could not be parsed");
            assertThat(Stalled.httpCount(api.scrape(), "other", "unmatched", 400)).isEqualTo(1);
        }
    }

    @Test
    void aMalformedPercentEscapeIsA400WithTheJsonBodyAndCounted() {
        try (TestApi api = new TestApi();
             RawHttp c = RawHttp.connect(api.port())) {
            RawHttp.Response r = c.send("GET /%zz HTTP/1.1\r\nHost: test\r\n\r\n").readResponse(Duration.ofSeconds(10));
            assertThat(r).isNotNull();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("\"error\":").contains("\"field\":null");
            // Undertow's parser rejects the escape before the method is handed over: counted as method "other".
            assertThat(Stalled.httpCount(api.scrape(), "other", "unmatched", 400)).isEqualTo(1);
        }
    }

    @Test
    void anEscapedPathStillFindsItsRoute() {
        try (TestApi api = new TestApi()) {
            assertThat(api.get("/%68ealth").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void headWorksOnEveryGetRoute() {
        try (TestApi api = new TestApi(true)) {
            for (String path : new String[] {"/health", "/metrics", "/v1/model", "/v2/model", "/admin/faults"}) {
                HttpResponse<String> head = api.send(api.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
                assertThat(head.statusCode()).as("HEAD %s", path).isEqualTo(200);
                assertThat(head.body()).isEmpty();
                assertThat(head.headers().firstValue("Content-Type")).isPresent();
            }
            assertThat(Stalled.httpCount(api.scrape(), "HEAD", "/health", 200)).isEqualTo(1);
        }
    }
}
