package dev.mlobservatory.stack;

import static dev.mlobservatory.api.TestApi.flower;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What changed from Prometheus 2 to 3 that a class meets, pinned per version, so the README's list stays true and
 * the project's queries keep working on both: range selectors became left-open, and classic-histogram {@code le}
 * values are normalised when scraped.
 */
class PrometheusDifferencesTest {

    /**
     * A sample every minute; at 2m a one-minute window holds the samples at 1m and 2m in 2.x (closed on both
     * ends) and only the one at 2m in 3.x (left-open). Why the dashboard's and the rules' windows span several
     * scrapes: a window of one scrape interval can be empty in 3.x.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mlobservatory.api.testing.Tools#eachPromtool")
    void rangeSelectorsAreLeftOpenFromPrometheus3(Tools.Versioned promtool, @TempDir Path tmp) throws Exception {
        int expected = promtool.atLeast(3, 0) ? 1 : 2;
        Path test = tmp.resolve("window.test.yml");
        Files.writeString(test, """
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'x'
                        values: '1 2 3 4'
                    promql_expr_test:
                      - expr: count_over_time(x[1m])
                        eval_time: 2m
                        exp_samples:
                          - labels: '{}'
                            value: %d
                """.formatted(expected));

        Cmd result = Cmd.run(tmp, List.of(promtool.path(), "test", "rules", test.toString()));

        assertThat(result.exitCode()).as(promtool + " says\n" + result.output()).isZero();
    }

    /**
     * The API writes {@code le="5.0E-4"} (client_java writes small bounds in exponent form); Prometheus 3 stores it
     * as {@code 0.0005} (the canonical form, whole numbers keep their ".0"), 2.x as written. A query that matches an {@code le} by its text breaks across
     * versions; histogram_quantile does not care, and gives the same answer.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mlobservatory.api.testing.Tools#eachPrometheus")
    void classicHistogramLeValuesAreNormalisedFromPrometheus3(Tools.Versioned prometheusBinary, @TempDir Path tmp)
            throws Exception {
        try (TestApi api = new TestApi();
             PrometheusProcess prometheus = PrometheusProcess.start(prometheusBinary, tmp,
                     "127.0.0.1:" + api.server.port())) {
            for (int i = 0; i < 20; i++) {
                api.postJson("/v1/predict", flower(5.1, 3.5, 1.4, 0.2));
            }
            String buckets = "ml_prediction_duration_seconds_bucket{model_version=\"v1\"}";
            assertThat(LiveStackTest.await(() -> prometheus.query(buckets).path("result").size() > 0, 30))
                    .as("the buckets scraped").isTrue();

            TreeSet<String> les = new TreeSet<>();
            for (JsonNode s : prometheus.query(buckets).path("result")) {
                les.add(s.path("metric").path("le").asText());
            }
            if (prometheusBinary.atLeast(3, 0)) {
                assertThat(les).contains("0.0005", "0.001", "1.0", "2.5", "+Inf").doesNotContain("5.0E-4", "0.0010");
            } else {
                assertThat(les).contains("5.0E-4", "0.001", "1.0", "2.5", "+Inf").doesNotContain("0.0005");
            }
            // The bucket at 1 s holds every request (each takes far less); "1.0" is written the same in both.
            JsonNode all = prometheus.query("sum(" + buckets.replace("}", ",le=\"1.0\"}") + ")").path("result");
            assertThat(all.get(0).path("value").get(1).asDouble()).isEqualTo(20.0);
        }
    }
}
