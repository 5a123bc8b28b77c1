package dev.mlobservatory.console.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exporter on loopback: serves loadgen_*, gives its port back, says so plainly when the port is taken. */
class LoadgenExporterTest {

    /** A generous bound on one scrape: only a scrape that never comes fails it. */
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    @AfterEach
    void closeClient() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void servesTheMetricsOnLoopbackAndReleasesThePortWhenClosed() throws Exception {
        LoadgenMetrics metrics = new LoadgenMetrics();
        int port;
        try (LoadgenExporter exporter = LoadgenExporter.start(metrics, LoadgenExporter.DEFAULT_HOST, 0)) {
            port = exporter.port();
            assertThat(exporter.target()).isEqualTo("127.0.0.1:" + port);
            String body = scrape(port);
            assertThat(body).contains("loadgen_requests_total{outcome=\"ok\"} 0", "loadgen_in_flight 0",
                    "loadgen_target_rate 0", "loadgen_request_duration_seconds_bucket");
        }
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive() && !t.isDaemon()
                && t.getName().startsWith("loadgen-"));
    }

    @Test
    void aTakenPortIsOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LoadgenExporter.start(new LoadgenMetrics(), "127.0.0.1", taken.getLocalPort()))
                    .isInstanceOf(IOException.class)
                    .hasMessage("cannot serve metrics on 127.0.0.1:" + taken.getLocalPort()
                            + ": the port is already in use");
        }
        assertThatThrownBy(() -> LoadgenExporter.start(new LoadgenMetrics(), "no-such-host.invalid", 0))
                .hasMessage("cannot serve metrics on no-such-host.invalid: unknown host");
    }

    /**
     * Clients that send half a request and stall (and one that connects and says nothing) each hold a connection;
     * a scrape meanwhile is still answered.
     */
    @Test
    void stalledClientsDoNotBlockAScrape() throws Exception {
        try (LoadgenExporter exporter = LoadgenExporter.start(new LoadgenMetrics(), LoadgenExporter.DEFAULT_HOST, 0)) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < LoadgenExporter.THREADS - 1; i++) {
                    Socket s = new Socket(InetAddress.getLoopbackAddress(), exporter.port());
                    OutputStream out = s.getOutputStream();
                    out.write("GET /metrics HTTP/1.1\r\nHost: loadgen\r\nX-Half".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    stalled.add(s);
                }
                stalled.add(new Socket(InetAddress.getLoopbackAddress(), exporter.port()));

                assertThat(scrape(exporter.port())).contains("loadgen_requests_total");
                assertThat(scrape(exporter.port())).contains("loadgen_requests_total");
            } finally {
                for (Socket s : stalled) {
                    s.close();
                }
            }
        }
    }

    private String scrape(int port) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/metrics").build())
                .execute()) {
            assertThat(r.code()).isEqualTo(200);
            return r.body().string();
        }
    }
}
