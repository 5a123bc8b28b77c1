package dev.mlobservatory.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.app.AppExecutor;
import dev.mlobservatory.console.app.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.testing.LiveStack;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The Targets model against the real prometheus scraping the real API every second, then without the API. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TargetsModelLiveTest {

    private static final Object FX = new Object();
    private static final FxThread LOCKED = action -> {
        synchronized (FX) {
            action.run();
        }
    };

    private static LiveStack stack;
    private static ScheduledExecutorService executor;
    private static SimpleObjectProperty<PrometheusClient> prometheus;
    private static TargetsModel model;

    @BeforeAll
    static void start() throws Exception {
        stack = LiveStack.start();
        executor = AppExecutor.create();
        prometheus = new SimpleObjectProperty<>(stack.client);
        model = new TargetsModel(executor, LOCKED, prometheus, Duration.ofMillis(300));
        model.start();
    }

    @AfterAll
    static void stop() {
        if (model != null) {
            model.stop();
        }
        if (executor != null) {
            AppExecutor.shutdown(executor);
        }
        if (stack != null) {
            stack.close();
        }
    }

    private static <T> T read(Supplier<T> what) {
        synchronized (FX) {
            return what.get();
        }
    }

    private static TargetItem target(String job) {
        return read(() -> model.targets().stream().filter(t -> t.getJob().equals(job)).findFirst().orElse(null));
    }

    private static TargetHealth health(String job) {
        TargetItem t = target(job);
        return t == null ? null : read(t::getHealth);
    }

    @Test
    @Order(1)
    void theApiAndPrometheusAreUp() throws Exception {
        LiveStack.await("both targets up", 30,
                () -> health("ml-api") == TargetHealth.UP && health("prometheus") == TargetHealth.UP);

        read(() -> {
            assertThat(model.upCountProperty().get()).isEqualTo(2);
            assertThat(model.totalCountProperty().get()).isEqualTo(2);
            assertThat(model.targets()).extracting(TargetItem::getJob).containsExactly("ml-api", "prometheus");
            TargetItem api = target("ml-api");
            assertThat(api.scrapeUrlProperty().get()).isEqualTo(stack.apiUrl() + "/metrics");
            assertThat(api.instanceProperty().get()).isEqualTo(stack.apiUrl().replace("http://", ""));
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
        stack.api.server.close();

        LiveStack.await("ml-api down", 30, () -> health("ml-api") == TargetHealth.DOWN);

        read(() -> {
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
        prometheus.set(new PrometheusClient(nobody, PrometheusClient.defaultHttp()));
        LiveStack.await("the not-reachable message", 10, () -> read(() -> model.messageProperty().get()
                .startsWith("Prometheus at " + nobody + " is not reachable (connection refused)")));
        read(() -> {
            assertThat(model.targets()).isEmpty();
            assertThat(model.upCountProperty().get()).isZero();
            assertThat(model.totalCountProperty().get()).isZero();
            return null;
        });

        prometheus.set(null);
        LiveStack.await("the not-running message", 10,
                () -> read(() -> model.messageProperty().get().startsWith("Prometheus is not running")));

        prometheus.set(stack.client);
        LiveStack.await("targets again", 10, () -> read(() -> model.totalCountProperty().get() == 2));
        assertThat(read(() -> model.messageProperty().get())).isEmpty();
    }
}
