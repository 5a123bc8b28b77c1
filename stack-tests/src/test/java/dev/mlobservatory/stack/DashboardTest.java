package dev.mlobservatory.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provisioned dashboard is self-contained, points at the provisioned data source, and follows the rules. */
class DashboardTest {

    private static Dashboard dashboard;
    private static String datasourceUid;

    @BeforeAll
    static void load() throws Exception {
        dashboard = Dashboard.load(Repo.DASHBOARD);
        datasourceUid = new ObjectMapper(new YAMLFactory()).readTree(Repo.DATASOURCE.toFile())
                .at("/datasources/0/uid").asText();
    }

    @Test
    void isProvisionableAsItStands() throws Exception {
        String text = Files.readString(Repo.DASHBOARD);
        JsonNode json = dashboard.json();

        assertThat(json.has("__inputs")).isFalse();
        assertThat(json.has("__requires")).isFalse();
        assertThat(text).doesNotContain("${DS_");
        assertThat(json.path("uid").asText()).isEqualTo("ml-api-observatory");
        assertThat(json.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);
        assertThat(json.path("id").isMissingNode() || json.path("id").isNull()).isTrue();
    }

    @Test
    void everyPanelIsATimeseriesOrStatWithATargetOnTheDataSourceVariable() {
        for (JsonNode panel : dashboard.json().path("panels")) {
            String title = panel.path("title").asText();
            if (panel.path("type").asText().equals("row")) {
                // A row only groups the panels under it: no query, and open, so its panels sit at the top level.
                assertThat(panel.path("targets")).as(title).isEmpty();
                assertThat(panel.path("collapsed").asBoolean(true)).as(title + " collapsed").isFalse();
                continue;
            }
            assertThat(panel.path("type").asText()).as(title).isIn("timeseries", "stat");
            assertThat(panel.at("/datasource/uid").asText()).as(title).isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as(title + " targets").isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as(title).isNotBlank();
                assertThat(target.at("/datasource/uid").asText()).as(title).isEqualTo("${datasource}");
            }
        }
    }

    @Test
    void theDataSourceIsAVariableDefaultingToTheProvisionedOne() throws Exception {
        // Imports into any Grafana: the user picks a Prometheus; the provisioned stack gets its own by default.
        assertThat(datasourceUid).isNotBlank();
        assertThat(java.nio.file.Files.readString(Repo.DASHBOARD)).doesNotContain("\"uid\": \"" + datasourceUid + "\"");
        JsonNode variable = variable("datasource");
        assertThat(variable.path("type").asText()).isEqualTo("datasource");
        assertThat(variable.path("query").asText()).isEqualTo("prometheus");
        assertThat(variable.at("/current/value").asText()).isEqualTo(datasourceUid);
    }

    @Test
    void theAlertThresholdsAreDrawnWhereTheAlertsLook() {
        assertThat(threshold("Error rate %")).as("HighErrorRate: 10%").isEqualTo(10.0);
        assertThat(threshold("Latency p50/p95/p99")).as("HighLatency: p95 over 1 s").isEqualTo(1.0);
    }

    private double threshold(String title) {
        for (JsonNode panel : dashboard.json().path("panels")) {
            if (panel.path("title").asText().equals(title)) {
                JsonNode steps = panel.at("/fieldConfig/defaults/thresholds/steps");
                assertThat(panel.at("/fieldConfig/defaults/custom/thresholdsStyle/mode").asText()).as(title)
                        .startsWith("line");
                return steps.get(steps.size() - 1).path("value").asDouble();
            }
        }
        throw new AssertionError("no panel " + title);
    }

    private JsonNode variable(String name) {
        for (JsonNode v : dashboard.json().at("/templating/list")) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no variable " + name);
    }

    @Test
    void hasThePanelsAClassNeeds() {
        List<String> titles = new ArrayList<>();
        dashboard.json().path("panels").forEach(p -> titles.add(p.path("title").asText()));
        assertThat(titles).contains("Request rate", "Error rate %", "Latency p50/p95/p99", "Predictions by class",
                "Prediction confidence", "Model accuracy (hold-out)", "Memory", "CPU", "Scrape health (up)");
        String all = String.join("\n", dashboard.queries().stream().map(Dashboard.Query::expr).toList());
        assertThat(all).contains("ml_predictions_total", "ml_prediction_duration_seconds_bucket",
                "ml_prediction_confidence", "ml_model_accuracy", "app_memory_usage_bytes", "app_cpu_usage_percent",
                "up{");
    }

    @Test
    void ratesUseRateIntervalAndQuantilesKeepLe() {
        Pattern range = Pattern.compile("\\[([^\\]]+)\\]");
        Pattern quantile = Pattern.compile("histogram_quantile\\(\\s*[0-9.]+\\s*,\\s*sum by \\(le(, model_version)?\\)");
        // A native histogram has no le label: its buckets travel inside each sample, so the sum keeps nothing.
        Pattern nativeQuantile = Pattern.compile("histogram_quantile\\(\\s*[0-9.]+\\s*,\\s*sum\\(rate\\(");
        for (Dashboard.Query q : dashboard.queries()) {
            Matcher m = range.matcher(q.expr());
            while (m.find()) {
                assertThat(m.group(1)).as(q.panel() + " " + q.refId()).isEqualTo("$__rate_interval");
            }
            if (q.expr().contains("histogram_quantile")) {
                Pattern expected = q.isNative() ? nativeQuantile : quantile;
                assertThat(expected.matcher(q.expr()).find()).as(q.panel() + ": " + q.expr()).isTrue();
            }
        }
        assertThat(dashboard.queries().stream().filter(q -> q.panel().equals("Latency p50/p95/p99")))
                .extracting(Dashboard.Query::expr)
                .anySatisfy(e -> assertThat(e).startsWith("histogram_quantile(0.5,"))
                .anySatisfy(e -> assertThat(e).startsWith("histogram_quantile(0.95,"))
                .anySatisfy(e -> assertThat(e).startsWith("histogram_quantile(0.99,"));
    }

    @Test
    void theEstimateRowHasTheSameQuantilesFromClassicBucketsAndFromTheNativeHistogram() {
        List<String> titles = new ArrayList<>();
        dashboard.json().path("panels").forEach(p -> titles.add(p.path("title").asText()));
        assertThat(titles).containsSubsequence("How good is the estimate?", "p50/p95/p99 from the classic buckets",
                "p50/p95/p99 from the native histogram");
        List<Dashboard.Query> classic = panelQueries("p50/p95/p99 from the classic buckets");
        List<Dashboard.Query> nativeOnes = panelQueries("p50/p95/p99 from the native histogram");
        assertThat(classic).hasSize(3).noneMatch(Dashboard.Query::isNative);
        assertThat(nativeOnes).hasSize(3).allMatch(Dashboard.Query::isNative);
        for (int i = 0; i < 3; i++) {
            // The same quantile of the same metric over the same window: only the histogram differs.
            assertThat(nativeOnes.get(i).expr()).isEqualTo(classic.get(i).expr()
                    .replace("sum by (le) (", "sum(").replace("_seconds_bucket{", "_seconds{"));
        }
    }

    private static List<Dashboard.Query> panelQueries(String title) {
        return dashboard.queries().stream().filter(q -> q.panel().equals(title)).toList();
    }

    @Test
    void hasAModelVersionVariable() {
        JsonNode variable = null;
        for (JsonNode v : dashboard.json().at("/templating/list")) {
            if (v.path("name").asText().equals("model_version")) {
                variable = v;
            }
        }
        assertThat(variable).isNotNull();
        assertThat(variable.at("/datasource/uid").asText()).isEqualTo("${datasource}");
        assertThat(variable.path("definition").asText()).contains("label_values(", "model_version");
        long filtered = dashboard.queries().stream().filter(q -> q.expr().contains("$model_version")).count();
        assertThat(filtered).isGreaterThanOrEqualTo(8);
    }
}
