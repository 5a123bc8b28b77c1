package dev.mlobservatory.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mlobservatory.api.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prometheus's own tool validates both configurations, the rules, and runs the rules' unit tests: with every
 * promtool found (3.5 LTS and the 2.x of the distribution), since a class has both.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.mlobservatory.api.testing.Tools#eachPromtool")
class PromtoolTest {

    private final String promtool;
    private final Tools.Versioned version;

    PromtoolTest(Tools.Versioned promtool) {
        this.promtool = promtool.path();
        this.version = promtool;
    }

    /** The template is a Prometheus 3 configuration as it stands; 2.x gets it as the console generates it. */
    @Test
    void localConfigurationIsValidAndLoadsTheRules(@TempDir Path tmp) throws Exception {
        Path config = Repo.PROMETHEUS_LOCAL;
        if (version.major() < 3) {
            config = tmp.resolve("prometheus-local.yml");
            Files.writeString(config, PrometheusProcess.localConfig("127.0.0.1:8080", "127.0.0.1:9090", "5s", version));
        }
        Cmd result = Cmd.run(Repo.ROOT, List.of(promtool, "check", "config", config.toString()));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("1 rule files found", "6 rules found");
    }

    /** With its alerting section, as Local mode runs it beside an Alertmanager: accepted by 2.x and 3.x alike. */
    @Test
    void localConfigurationSendingToAlertmanagerIsValid(@TempDir Path tmp) throws Exception {
        String template = Files.readString(Repo.PROMETHEUS_LOCAL);
        assertThat(template).contains("alerting:", "targets: ['127.0.0.1:9093']");
        Path config = tmp.resolve("prometheus-local.yml");
        Files.writeString(config, (version.major() < 3 ? template.replace(PrometheusProcess.CLASSIC_TOO, "") : template)
                .replace("'127.0.0.1:9093'", "'127.0.0.1:19093'")
                .replace("../../rules/", Repo.ROOT.resolve("rules") + "/"));
        Cmd result = Cmd.run(Repo.ROOT, List.of(promtool, "check", "config", config.toString()));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    /** Why the console must generate the 2.x configuration: 2.x rejects the key 3.x needs for the classic buckets. */
    @Test
    void prometheus2RejectsTheTemplateAsItStands() throws Exception {
        assumeTrue(version.major() < 3, "only 2.x rejects always_scrape_classic_histograms");
        Cmd result = Cmd.run(Repo.ROOT, List.of(promtool, "check", "config", Repo.PROMETHEUS_LOCAL.toString()));

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("always_scrape_classic_histograms");
    }

    /**
     * The compose configuration names its rules by their path inside the container; checked as it is,
     * and again with that path pointed at the repository's rules/, so the rule glob is proven to match.
     */
    @Test
    void composeConfigurationIsValidAndItsRuleGlobMatchesTheRules(@TempDir Path tmp) throws Exception {
        assumeTrue(version.major() >= 3, "compose.yaml pins prom/prometheus v3.5.3: its configuration is for 3.x");
        Cmd asIs = Cmd.run(Repo.ROOT, List.of(promtool, "check", "config", Repo.PROMETHEUS_COMPOSE.toString()));
        assertThat(asIs.exitCode()).as(asIs.output()).isZero();

        String config = Files.readString(Repo.PROMETHEUS_COMPOSE);
        assertThat(config).contains("/etc/prometheus/rules/*-alerts.yml");
        Path relocated = tmp.resolve("prometheus.yml");
        Files.writeString(relocated, config.replace("/etc/prometheus/rules/", Repo.ROOT.resolve("rules") + "/"));
        Cmd withRules = Cmd.run(Repo.ROOT, List.of(promtool, "check", "config", relocated.toString()));

        assertThat(withRules.exitCode()).as(withRules.output()).isZero();
        assertThat(withRules.output()).contains("1 rule files found", "6 rules found");
    }

    @Test
    void rulesAreValid() throws Exception {
        Cmd result = Cmd.run(Repo.ROOT, List.of(promtool, "check", "rules", Repo.RULES.toString()));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 6 rules found");
    }

    @Test
    void ruleUnitTestsPass() throws Exception {
        Cmd result = Cmd.run(Repo.ROOT.resolve("rules"), List.of(promtool, "test", "rules", Repo.RULE_TESTS.toString()));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void everyRuleHasSeveritySummaryAndDescription() throws Exception {
        var root = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(Repo.RULES.toFile());
        List<String> names = new java.util.ArrayList<>();
        for (var group : root.get("groups")) {
            for (var rule : group.get("rules")) {
                names.add(rule.get("alert").asText());
                assertThat(rule.at("/labels/severity").asText()).as(rule.get("alert") + " severity")
                        .isIn("critical", "warning", "info");
                assertThat(rule.at("/annotations/summary").asText()).isNotBlank();
                assertThat(rule.at("/annotations/description").asText()).isNotBlank();
                assertThat(rule.get("for")).as(rule.get("alert") + " has a for:").isNotNull();
            }
        }
        assertThat(names).contains("HighErrorRate", "HighLatency", "APIDown");
        // Every alert has unit tests that expect it to fire.
        String tests = Files.readString(Repo.RULE_TESTS);
        for (String name : names) {
            assertThat(tests).as("tests of " + name).contains("alertname: " + name);
        }
    }

    /**
     * The console reads annotations besides summary and description: {@code value_query} (the expression
     * without its threshold, shown while the rule is inactive), {@code live_query} (the same over a shorter window)
     * and {@code unit}. Whoever edits expr must keep them in step, or the console shows another number than the
     * rule compares.
     */
    @Test
    void theConsoleAnnotationsAgreeWithTheExpression() throws Exception {
        var root = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(Repo.RULES.toFile());
        int withValue = 0;
        for (var group : root.get("groups")) {
            for (var rule : group.get("rules")) {
                String alert = rule.get("alert").asText();
                String expr = rule.get("expr").asText().strip().replaceAll("\\s+", " ");
                String value = rule.at("/annotations/value_query").asText("");
                String live = rule.at("/annotations/live_query").asText("");
                if (!value.isEmpty()) {
                    withValue++;
                    assertThat(expr).as(alert + ": expr is value_query and a threshold")
                            .matches(java.util.regex.Pattern.quote(value) + " (>|>=|<|<=|==|!=) [0-9.]+");
                    assertThat(rule.at("/annotations/unit").asText()).as(alert + " unit").isNotBlank();
                }
                if (!live.isEmpty()) {
                    assertThat(value).as(alert + ": live_query needs value_query").isNotEmpty();
                    assertThat(live.replaceAll("\\[\\w+]", "[]")).as(alert + ": live_query is value_query over another window")
                            .isEqualTo(value.replaceAll("\\[\\w+]", "[]"))
                            .isNotEqualTo(value);
                }
            }
        }
        assertThat(withValue).as("rules with a value_query").isGreaterThanOrEqualTo(2);
    }
}
