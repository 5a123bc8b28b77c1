package dev.mlobservatory.api.metrics;

import static dev.mlobservatory.api.TestApi.flower;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Prometheus's own linter, in every version found, has nothing to say about the live exposition. */
class PromtoolCheckMetricsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mlobservatory.api.testing.Tools#eachPromtool")
    void promtoolCheckMetricsIsClean(Tools.Versioned promtoolBinary) throws Exception {
        String promtool = promtoolBinary.path();
        try (TestApi api = new TestApi()) {
            api.postJson("/v1/predict", flower(5.1, 3.5, 1.4, 0.2));
            api.postJson("/v2/predict", "{");
            api.get("/unknown");
            String exposition = api.get("/metrics").body();

            Process p = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
            p.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(output).as("promtool check metrics output").isEmpty();
            assertThat(p.exitValue()).isZero();
        }
    }
}
