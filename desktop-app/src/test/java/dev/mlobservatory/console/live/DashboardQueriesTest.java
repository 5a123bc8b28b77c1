package dev.mlobservatory.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlobservatory.console.stack.StackFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Live tab's queries are the Grafana dashboard's: same panels, same expressions, same legends. */
class DashboardQueriesTest {

    @TempDir
    Path home;

    /** The repository's dashboard, found without any console code. */
    private static Path repositoryDashboard() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("dashboards/ml-api.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("dashboards/ml-api.json not found above " + Path.of("").toAbsolutePath());
    }

    /** Plain Jackson, independent of DashboardQueries: panel title → [expr, legendFormat] of each target. */
    private static List<List<String>> dashboardTargets(Path dashboard, String title) throws IOException {
        JsonNode root = new ObjectMapper().readTree(dashboard.toFile());
        List<List<String>> found = new ArrayList<>();
        for (JsonNode panel : root.get("panels")) {
            if (panel.get("title").asText().equals(title)) {
                for (JsonNode t : panel.get("targets")) {
                    found.add(List.of(t.get("expr").asText(), t.get("legendFormat").asText()));
                }
                return found;
            }
        }
        throw new AssertionError("the dashboard has no panel \"" + title + "\"");
    }

    private static List<List<String>> consoleTargets(DashboardQueries queries, String title) {
        return queries.panel(title).targets().stream().map(t -> List.of(t.expr(), t.legendFormat())).toList();
    }

    @Test
    void theConsolesQueriesAreTheDashboards() throws IOException {
        Path dashboard = repositoryDashboard();
        DashboardQueries queries = DashboardQueries.read(StackFiles.locate(home).dashboard());

        assertThat(queries.panels()).extracting(DashboardQueries.Panel::title)
                .containsExactly("Latency p50/p95/p99", "Request rate", "Error rate %",
                        "p50/p95/p99 from the classic buckets", "p50/p95/p99 from the native histogram");
        for (String title : DashboardQueries.CONSOLE_PANELS) {
            assertThat(consoleTargets(queries, title)).as(title).isEqualTo(dashboardTargets(dashboard, title));
        }
        assertThat(consoleTargets(queries, DashboardQueries.LATENCY_PANEL)).hasSize(3);
    }

    @Test
    void theEstimatePanelsGiveP50P95AndP99FromClassicBucketsAndFromTheNativeHistogram() throws IOException {
        DashboardQueries queries = DashboardQueries.read(repositoryDashboard());

        DashboardQueries.Panel classic = queries.resolved(DashboardQueries.CLASSIC_ESTIMATE_PANEL, "20s");
        DashboardQueries.Panel nativeOne = queries.resolved(DashboardQueries.NATIVE_ESTIMATE_PANEL, "20s");

        // The estimate view finds each quantile by its legend, and draws both in the latency chart's unit.
        assertThat(classic.targets()).extracting(DashboardQueries.Target::legendFormat).containsExactly("p50", "p95", "p99");
        assertThat(nativeOne.targets()).extracting(DashboardQueries.Target::legendFormat).containsExactly("p50", "p95", "p99");
        assertThat(List.of(classic.unit(), nativeOne.unit())).containsOnly("s");
        assertThat(classic.targets().get(1).expr()).isEqualTo("histogram_quantile(0.95, sum by (le) "
                + "(rate(ml_prediction_duration_seconds_bucket{model_version=~\".*\"}[20s])))");
        assertThat(nativeOne.targets().get(1).expr()).isEqualTo("histogram_quantile(0.95, sum("
                + "rate(ml_prediction_duration_seconds{model_version=~\".*\"}[20s])))");
    }

    @Test
    void theCopyPackedInTheJarHasTheSameQueries() throws IOException {
        Path dashboard = repositoryDashboard();
        DashboardQueries packed = DashboardQueries.read(StackFiles.unpacked(home.resolve("packed")).dashboard());

        for (String title : DashboardQueries.CONSOLE_PANELS) {
            assertThat(consoleTargets(packed, title)).as(title).isEqualTo(dashboardTargets(dashboard, title));
        }
    }

    @Test
    void substitutedQueriesHaveNoVariablesLeft() throws IOException {
        DashboardQueries queries = DashboardQueries.read(repositoryDashboard());

        List<DashboardQueries.Target> resolved = queries.resolvedTargets("20s");

        assertThat(resolved).hasSize(queries.targets().size()).isNotEmpty();
        assertThat(resolved).allSatisfy(t -> {
            assertThat(t.expr()).doesNotContain("$");
            assertThat(t.expr()).contains("[20s]").contains("model_version=~\".*\"");
        });
        // The raw queries did use the variables: substitution is doing something.
        assertThat(queries.targets()).allSatisfy(t -> assertThat(t.expr()).contains("$__rate_interval"));
    }

    @Test
    void rateIntervalFollowsGrafana() {
        assertThat(GrafanaTemplating.rateInterval(Duration.ofSeconds(5), Duration.ofSeconds(2))).isEqualTo("20s");
        assertThat(GrafanaTemplating.rateInterval(Duration.ofSeconds(1), Duration.ofSeconds(2))).isEqualTo("4s");
        assertThat(GrafanaTemplating.rateInterval(Duration.ofSeconds(15), Duration.ofSeconds(60))).isEqualTo("75s");
        assertThat(LiveSettings.defaults().rateInterval()).isEqualTo("20s");
        assertThat(LiveSettings.forScrapeInterval(Duration.ofSeconds(1)).rateInterval()).isEqualTo("4s");
    }

    @Test
    void everyGrafanaVariableSyntaxIsSubstituted() {
        Map<String, String> values = Map.of("v", ".*", "__rate_interval", "4s");

        assertThat(GrafanaTemplating.substitute("a{x=~\"$v\"}[$__rate_interval] ${v} ${v:regex} [[v]]", values))
                .isEqualTo("a{x=~\".*\"}[4s] .* .* .*");
        // A label_replace back-reference is PromQL, not a Grafana variable.
        assertThat(GrafanaTemplating.substitute("label_replace(up, \"a\", \"$1\", \"b\", \"(.*)\")", values))
                .contains("\"$1\"");
        assertThatThrownBy(() -> GrafanaTemplating.substitute("rate(x[$__range])", values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("__range");
    }

    @Test
    void legendsExpandLikeGrafanas() {
        Map<String, String> labels = Map.of("model_version", "v1", "le", "0.5");

        assertThat(GrafanaTemplating.legend("p95 {{model_version}}", labels)).isEqualTo("p95 v1");
        assertThat(GrafanaTemplating.legend("{{ model_version }}", labels)).isEqualTo("v1");
        assertThat(GrafanaTemplating.legend("{{route}} {{model_version}}", labels)).isEqualTo("route v1");
        assertThat(GrafanaTemplating.legend("", labels)).isEqualTo("{le=\"0.5\",model_version=\"v1\"}");
        assertThat(GrafanaTemplating.legend("req/s", labels)).isEqualTo("req/s");
    }

    @Test
    void eachPanelsUnitConvertsToItsChartsUnit() throws IOException {
        DashboardQueries queries = DashboardQueries.read(repositoryDashboard());

        assertThat(LiveChart.LATENCY.scaleFrom(queries.panel(DashboardQueries.LATENCY_PANEL).unit())).isEqualTo(1000.0);
        assertThat(LiveChart.REQUEST_RATE.scaleFrom(queries.panel(DashboardQueries.REQUEST_RATE_PANEL).unit()))
                .isEqualTo(1.0);
        assertThat(LiveChart.ERROR_RATE.scaleFrom(queries.panel(DashboardQueries.ERROR_RATE_PANEL).unit()))
                .isEqualTo(1.0);
        assertThatThrownBy(() -> LiveChart.LATENCY.scaleFrom("bytes")).hasMessageContaining("Latency p50/p95/p99");
    }

    @Test
    void aDashboardWithoutAPanelSaysWhichOne() throws IOException {
        Path broken = home.resolve("broken.json");
        Files.writeString(broken, Files.readString(repositoryDashboard())
                .replace("\"title\": \"Error rate %\"", "\"title\": \"Errors\""));

        assertThatThrownBy(() -> DashboardQueries.read(broken))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Error rate %")
                .hasMessageContaining(broken.toString());
        assertThatThrownBy(() -> DashboardQueries.read(home.resolve("missing.json")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("missing.json");
    }
}
