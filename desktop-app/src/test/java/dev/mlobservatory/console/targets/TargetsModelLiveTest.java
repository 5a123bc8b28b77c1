package dev.mlobservatory.console.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.testing.LivePolling;
import dev.mlobservatory.console.testing.LiveStack;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The Targets model against the real prometheus scraping the real API every second, then without the API. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.mlobservatory.api.testing.Tools#eachPrometheus")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TargetsModelLiveTest {

    /** Each Prometheus found (3.5 LTS and the distribution's 2.x), named in the test's display name. */
    @Parameter
    Tools.Versioned binary;

    private static LivePolling live;
    private static TargetsModel model;

    @BeforeParameterizedClassInvocation
    static void start(Tools.Versioned binary) throws Exception {
        live = LivePolling.start(binary);
        model = live.poll(new TargetsModel(live.executor, live.fx, live.prometheus, LivePolling.FAST));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (live != null) {
            live.close();
        }
    }

    private static TargetItem target(String job) {
        return live.read(() -> model.targets().stream().filter(t -> t.getJob().equals(job)).findFirst().orElse(null));
    }

    private static TargetHealth health(String job) {
        TargetItem t = target(job);
        return t == null ? null : live.read(t::getHealth);
    }

    @Test
    @Order(1)
    void theApiAndPrometheusAreUp() throws Exception {
        LiveStack.await("both targets up", 30,
                () -> health("ml-api") == TargetHealth.UP && health("prometheus") == TargetHealth.UP);

        live.read(() -> {
            assertThat(model.upCountProperty().get()).isEqualTo(2);
            assertThat(model.totalCountProperty().get()).isEqualTo(2);
            assertThat(model.targets()).extracting(TargetItem::getJob).containsExactly("ml-api", "prometheus");
            TargetItem api = target("ml-api");
            assertThat(api.scrapeUrlProperty().get()).isEqualTo(live.stack.apiUrl() + "/metrics");
            assertThat(api.instanceProperty().get()).isEqualTo(live.stack.apiUrl().replace("http://", ""));
            assertThat(api.lastScrapeProperty().get()).matches("just now|\\d+ s ago");
            assertThat(api.scrapeDurationProperty().get()).matches("\\d+(\\.\\d+)? ms");
            assertThat(api.getLastError()).isEmpty();
            assertThat(model.messageProperty().get()).isEmpty();
            return null;
        });
    }

    @Test
    @Order(2)
    void theApiGoneIsDownWithItsError() throws Exception {
        live.stack.api.server.close();

        LiveStack.await("ml-api down", 30, () -> health("ml-api") == TargetHealth.DOWN);

        live.read(() -> {
            assertThat(target("ml-api").getLastError()).isNotBlank();
            assertThat(model.upCountProperty().get()).isEqualTo(1);
            assertThat(model.totalCountProperty().get()).isEqualTo(2);
            assertThat(health("prometheus")).isEqualTo(TargetHealth.UP);
            return null;
        });
    }

    @Test
    @Order(3)
    void prometheusGoneShowsWhyAndTheModelRecoversByItself() throws Exception {
        String nobody = "http://127.0.0.1:" + Ports.any();
        live.prometheus.set(new PrometheusClient(nobody, PrometheusClient.defaultHttp()));
        LiveStack.await("the not-reachable message", 10, () -> live.read(() -> model.messageProperty().get()
                .startsWith("Prometheus at " + nobody + " is not reachable (connection refused)")));
        live.read(() -> {
            assertThat(model.targets()).isEmpty();
            assertThat(model.upCountProperty().get()).isZero();
            assertThat(model.totalCountProperty().get()).isZero();
            return null;
        });

        live.prometheus.set(null);
        LiveStack.await("the not-running message", 10,
                () -> live.read(() -> model.messageProperty().get().startsWith("Prometheus is not running")));

        live.prometheus.set(live.stack.client);
        LiveStack.await("targets again", 10, () -> live.read(() -> model.totalCountProperty().get() == 2));
        assertThat(live.read(() -> model.messageProperty().get())).isEmpty();
    }
}
