package dev.mlobservatory.console.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.testing.LiveStack;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Chaos panel's model against a real API with faults enabled. */
class ChaosModelTest {

    private final ScheduledExecutorService executor = AppExecutor.create();
    private final SimpleStringProperty apiUrl = new SimpleStringProperty();
    private final SimpleBooleanProperty apiUp = new SimpleBooleanProperty(true);
    private ChaosModel model;

    @BeforeEach
    void setUp() {
        model = new ChaosModel(executor, FxThread.direct(), PrometheusClient.defaultHttp(), apiUrl, apiUp);
    }

    @AfterEach
    void tearDown() {
        AppExecutor.shutdown(executor);
    }

    /**
     * Waits are 20 s: they end as soon as the condition holds, and the first request of a cold JVM on a busy machine
     * can take several seconds.
     */
    @Test
    void slidersReachTheApiAndItsAnswersFail() throws Exception {
        try (TestApi api = new TestApi(true)) {
            apiUrl.set(api.server.baseUrl());
            model.errorPercentProperty().set(100);
            model.latencyMsProperty().set(40);
            model.targetProperty().set(ChaosModel.Target.V2);

            // Three slider moves may go out as one send or, on a busy machine, as several: wait for the last state.
            LiveStack.await("the faults applied", 20, () -> {
                com.fasterxml.jackson.databind.JsonNode faults = TestApi.json(api.get("/admin/faults"));
                return faults.path("error_ratio").asDouble() == 1.0 && faults.path("latency_ms").asLong() == 40
                        && faults.path("model_version").asText().equals("v2");
            });
            LiveStack.await("the status", 20, () -> model.statusProperty().get()
                    .equals("Injected on v2: +40–60 ms per prediction, 100% of predictions fail (HTTP 500)."));
            assertThat(api.postJson("/v2/predict", TestApi.flower(5.1, 3.5, 1.4, 0.2)).statusCode()).isEqualTo(500);
            assertThat(api.postJson("/v1/predict", TestApi.flower(5.1, 3.5, 1.4, 0.2)).statusCode()).isEqualTo(200);

            model.reset();
            LiveStack.await("the faults removed", 20, () ->
                    TestApi.json(api.get("/admin/faults")).path("error_ratio").asDouble() == 0.0);
            LiveStack.await("the status", 20, () -> model.statusProperty().get().equals("No fault injected."));
            // The report's chaos log: the last accepted change is the reset, the one before it the v2 faults.
            LiveStack.await("the reset logged", 20, () -> {
                var actions = model.actions();
                return actions.size() >= 2 && actions.get(actions.size() - 1).what().equals("No fault injected.");
            });
            var actions = model.actions();
            ChaosAction injected = actions.get(actions.size() - 2);
            assertThat(injected.what()).isEqualTo(
                    "Injected on v2: +40–60 ms per prediction, 100% of predictions fail (HTTP 500).");
            assertThat(injected.versions()).isEqualTo("v2");
            assertThat(actions.get(actions.size() - 1).versions()).isEqualTo("v1 and v2");
            // "none" sent as the API came up was no action of the student's.
            assertThat(actions.get(0).what()).isNotEqualTo("No fault injected.");
        }
    }

    @Test
    void anApiWithoutFaultsOrWithoutAnAnswerIsSaidPlainly() throws Exception {
        try (TestApi api = new TestApi(false)) {
            apiUrl.set(api.server.baseUrl());
            model.apply();
            assertThat(model.statusProperty().get()).startsWith("This API does not take faults");
        }
        model.apply(); // the API is gone now
        assertThat(model.statusProperty().get()).startsWith("Faults not sent: the API at http://127.0.0.1:")
                .endsWith("They are sent again when it returns.");
    }

    @Test
    void aStoppingApiIsNotSaidToRefuseAndARefusalNamesItsReason() throws Exception {
        // What an API answers while Kill API stops it (503, no body), and what a refusal of bad faults looks like.
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int[] status = {503};
        byte[][] body = {new byte[0]};
        server.createContext("/admin/faults", exchange -> {
            exchange.sendResponseHeaders(status[0], body[0].length == 0 ? -1 : body[0].length);
            exchange.getResponseBody().write(body[0]);
            exchange.close();
        });
        server.start();
        try {
            apiUrl.set("http://127.0.0.1:" + server.getAddress().getPort());
            model.apply();
            assertThat(model.statusProperty().get()).startsWith("Faults not sent: the API at http://127.0.0.1:")
                    .contains("is stopping or stopped");

            status[0] = 400;
            body[0] = "{\"error\":\"error_ratio must be 0..1\"}".getBytes(StandardCharsets.UTF_8);
            model.apply();
            assertThat(model.statusProperty().get())
                    .isEqualTo("The API refused the faults (HTTP 400): error_ratio must be 0..1");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRestartedApiGetsTheFaultsAgain() throws Exception {
        try (TestApi api = new TestApi(true)) {
            apiUrl.set(api.server.baseUrl());
            model.errorPercentProperty().set(30);
            LiveStack.await("the faults applied", 20, () ->
                    TestApi.json(api.get("/admin/faults")).path("error_ratio").asDouble() == 0.3);
            api.putJson("/admin/faults", "{}"); // what a restart does: the new API has no faults

            apiUp.set(false);
            apiUp.set(true);

            LiveStack.await("the faults sent again", 20, () ->
                    TestApi.json(api.get("/admin/faults")).path("error_ratio").asDouble() == 0.3);
        }
    }
}
