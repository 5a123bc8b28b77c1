package dev.mlobservatory.console.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.silence.SilenceIndex;
import dev.mlobservatory.console.stack.ChildProcesses;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.stack.PrometheusProcess;
import dev.mlobservatory.console.stack.StackFiles;
import dev.mlobservatory.console.testing.LiveStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lab's checks against the real API and the real prometheus scraping it every second, in the lab's order: the
 * four metrics on /metrics, both targets UP, the counter moving, a p95, HighErrorRate pending then firing. The rules
 * are the repository's with one change: HighErrorRate waits 5 s instead of 2 minutes (its {@code for}), so the test
 * sees it fire without waiting the lab's two minutes; the check reads the alerts API all the same.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.mlobservatory.api.testing.Tools#eachPrometheus")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabChecksLiveTest {

    private static final String FLOWER = "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";

    @Parameter
    Tools.Versioned binary;

    private static Path dir;
    private static TestApi api;
    private static ChildProcesses children;
    private static LabContext context;
    private static final LabChecks CHECKS = new LabChecks(PrometheusClient.defaultHttp());

    @BeforeParameterizedClassInvocation
    static void start(Tools.Versioned binary) throws Exception {
        dir = Files.createTempDirectory("lab-live-");
        StackFiles files = StackFiles.unpacked(dir.resolve("files"));
        Path rules = files.rulesDir().resolve("ml-api-alerts.yml");
        String text = Files.readString(rules);
        int at = text.indexOf("- alert: HighErrorRate");
        int wait = text.indexOf("for: 2m", at);
        assertThat(at).as("HighErrorRate in the rules").isNotNegative();
        Files.writeString(rules, text.substring(0, wait) + "for: 5s" + text.substring(wait + "for: 2m".length()));
        api = new TestApi(false);
        children = new ChildProcesses(dir);
        PrometheusProcess prometheus = PrometheusProcess.start(binary.path(), LiveStack.version(binary), files,
                "127.0.0.1:" + api.port(), Ports.any(), dir.resolve("data"), "1s", children, line -> { });
        context = new LabContext(api.server.baseUrl(),
                new PrometheusClient(prometheus.baseUrl(), PrometheusClient.defaultHttp()), null, null, List.of(),
                SilenceIndex.EMPTY, "");
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (children != null) {
            children.close();
        }
        if (api != null) {
            api.close();
        }
    }

    /** Runs {@code step}'s check until it passes (or {@code seconds} pass); its last answer. */
    private static LabCheckResult awaitPass(String step, int seconds) throws InterruptedException {
        AtomicReference<LabCheckResult> last = new AtomicReference<>();
        LiveStack.await(step + " passing (last: " + last + ")", seconds, () -> {
            last.set(CHECKS.forStep(step).orElseThrow().check(context));
            return last.get().passed();
        });
        return last.get();
    }

    @Test
    @Order(1)
    void theFourMetricsAreFoundOnTheApisMetricsWithTheirTypes() {
        LabCheckResult none = CHECKS.forStep("metrics").orElseThrow().check(LabContext.NOTHING);
        assertThat(none.outcome()).isEqualTo(LabCheckResult.Outcome.NOT_YET);
        assertThat(none.message()).startsWith("The API is not running");

        LabCheckResult r = CHECKS.forStep("metrics").orElseThrow().check(context);
        assertThat(r.passed()).as(r.message()).isTrue();
        assertThat(r.message()).contains("# TYPE ml_predictions_total counter",
                "# TYPE ml_prediction_duration_seconds histogram", "# TYPE app_memory_usage_bytes gauge",
                "# TYPE app_cpu_usage_percent gauge");
    }

    @Test
    @Order(2)
    void bothTargetsTurnTheStepGreenOnceUp() throws Exception {
        assertThat(awaitPass("targets", 30).message()).isEqualTo("Both targets are UP: ml-api and prometheus.");
    }

    @Test
    @Order(3)
    void theCounterStepPassesOnlyAfterTrafficSinceItWasOpened() throws Exception {
        CHECKS.opened("traffic");
        LabCheckResult first = CHECKS.forStep("traffic").orElseThrow().check(context);
        assertThat(first.outcome()).isEqualTo(LabCheckResult.Outcome.NOT_YET);
        // Nothing sent: the counter is where it was.
        LabCheckResult still = CHECKS.forStep("traffic").orElseThrow().check(context);
        assertThat(still.passed()).as(still.message()).isFalse();

        for (int i = 0; i < 20; i++) {
            api.postJson("/v1/predict", FLOWER);
        }
        assertThat(awaitPass("traffic", 30).message()).startsWith("ml_predictions_total grew from ")
                .endsWith(" since you opened this step.");
    }

    @Test
    @Order(4)
    void theP95QueryReturnsAValue() throws Exception {
        for (int i = 0; i < 20; i++) {
            api.postJson("/v1/predict", FLOWER);
        }
        assertThat(awaitPass("p95", 30).message()).matches("p95 over the last 5 minutes: .+ Compare it with the Live "
                + "tab's latency chart\\.");
    }

    @Test
    @Order(5)
    void highErrorRateGoesPendingThenFiringAndTheStepPasses() throws Exception {
        LabCheckResult quiet = CHECKS.forStep("alert").orElseThrow().check(context);
        assertThat(quiet.message()).startsWith("HighErrorRate is inactive");

        // "{}" has no feature: a 400, counted as status="error".
        ScheduledExecutorService errors = Executors.newSingleThreadScheduledExecutor();
        errors.scheduleWithFixedDelay(() -> api.postJson("/v1/predict", "{}"), 0, 50, TimeUnit.MILLISECONDS);
        try {
            AtomicReference<LabCheckResult> last = new AtomicReference<>();
            LiveStack.await("HighErrorRate pending", 60, () -> {
                last.set(CHECKS.forStep("alert").orElseThrow().check(context));
                return last.get().message().startsWith("HighErrorRate is pending");
            });
            assertThat(last.get().passed()).isFalse();
            assertThat(last.get().message()).contains("it fires once it has stayed above 10 % for 5s");
            assertThat(awaitPass("alert", 60).message()).startsWith("HighErrorRate is firing (the error ratio is ");
        } finally {
            errors.shutdownNow();
        }
    }
}
