package dev.mlobservatory.console.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.SerialFx;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The traffic panel's model against a real API: start, live changes, burst, samples for the Live tab, stop. */
class TrafficModelTest {

    private TestApi api;
    private ScheduledExecutorService executor;
    private final SimpleStringProperty apiUrl = new SimpleStringProperty();
    private final SerialFx fx = new SerialFx();
    private TrafficModel model;

    @BeforeEach
    void setUp() {
        api = new TestApi();
        executor = AppExecutor.create();
        model = new TrafficModel(executor, fx, apiUrl);
    }

    @AfterEach
    void tearDown() {
        model.close();
        AppExecutor.shutdown(executor);
        api.close();
    }

    @Test
    void withoutAStackStartExplainsInsteadOfFailing() {
        fx.run(() -> model.start());

        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("Start the stack first: traffic needs a running API.");
    }

    @Test
    void sendsCountsErrorsAndFillsClientSamples() throws Exception {
        fx.run(() -> apiUrl.set(api.server.baseUrl()));
        model.rateProperty().set(100);
        model.errorRatioProperty().set(0.2);
        fx.run(() -> model.start());
        assertThat(model.runningProperty().get()).isTrue();

        // Counters and samples are published by the poll; read them whole, as the FX thread would.
        LiveStack.await("200 requests counted", 20, fx.holds(() -> model.sentProperty().get() >= 200));
        LiveStack.await("three seconds of samples", 20, () -> model.samples().since(0).size() >= 3);
        fx.read(() -> {
            double errorShare = (double) model.errorsProperty().get() / model.sentProperty().get();
            assertThat(errorShare).isBetween(0.1, 0.3);
            assertThat(model.p99MsProperty().get()).isPositive();
            return null;
        });
        assertThat(model.samples().since(0)).allSatisfy(s -> assertThat(s.epochSeconds())
                .isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(30.0)));

        fx.run(() -> model.stop());
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void burstRaisesTheRateThenItReturns() throws Exception {
        fx.run(() -> apiUrl.set(api.server.baseUrl()));
        model.rateProperty().set(50);
        model.burstFactorProperty().set(6);
        // Three seconds: two whole seconds of burst, so a poll held up on a busy machine still sees one of them.
        model.burstSecondsProperty().set(3);
        fx.run(() -> model.start());
        assertThat(fx.read(() -> {
            model.burst();
            return model.burstingProperty().get();
        })).isTrue();

        LiveStack.await("a burst second above 200 req/s", 10, fx.holds(() -> model.achievedRateProperty().get() > 200));
        LiveStack.await("the burst over", 10, fx.holds(() -> !model.burstingProperty().get()));
        LiveStack.await("the rate back near 50 req/s", 10, fx.holds(() -> model.achievedRateProperty().get() < 80));
    }

    @Test
    void theStackStoppingStopsTheTraffic() {
        fx.run(() -> apiUrl.set(api.server.baseUrl()));
        fx.run(() -> model.start());

        fx.run(() -> apiUrl.set(null));

        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).contains("the stack stopped");
    }
}
