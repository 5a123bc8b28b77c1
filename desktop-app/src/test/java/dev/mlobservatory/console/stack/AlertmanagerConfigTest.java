package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local mode's Alertmanager configuration is the compose one with the console's receiver as its webhook, and
 * Prometheus's alerting section points at that Alertmanager or is gone.
 */
class AlertmanagerConfigTest {

    @TempDir
    Path home;

    private String template() throws Exception {
        return Files.readString(StackFiles.locate(home).alertmanagerTemplate());
    }

    @Test
    void theWebhookIsTheConsolesReceiverAndTheRestIsTheComposeConfiguration() throws Exception {
        String filled = AlertmanagerConfig.fill(template(), "http://127.0.0.1:41234/webhook");

        assertThat(filled).contains("url: http://127.0.0.1:41234/webhook", "send_resolved: true")
                .doesNotContain("url: http://host.docker.internal");
        assertThat(filled).contains("group_by: ['alertname']", "group_wait: 10s", "group_interval: 30s",
                "repeat_interval: 2m", "alertname = APIDown", "severity = warning", "equal: [stack]");
    }

    @Test
    void withoutAReceiverTheConsoleReceiverSendsNowhere() throws Exception {
        String filled = AlertmanagerConfig.fill(template(), null);

        assertThat(filled).doesNotContain("\n    webhook_configs:", "url:").contains("receiver: console", "- name: console");
        assertThat(filled.strip()).endsWith("change both.");
    }

    @Test
    void aTemplateWithoutTheWebhookIsRefusedByName() {
        assertThatThrownBy(() -> AlertmanagerConfig.fill("route:\n  receiver: x\n", "http://127.0.0.1:1/webhook"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://host.docker.internal:9466/webhook");
    }

    @Test
    void prometheusSendsToTheConsolesAlertmanagerOrHasNoAlertingSection() throws Exception {
        String template = Files.readString(StackFiles.locate(home).prometheusTemplate());

        String with = PrometheusConfig.fill(template, "127.0.0.1:18080", "127.0.0.1:19090", null, "127.0.0.1:19093",
                Path.of("/repo/rules"), null);
        assertThat(with).contains("alerting:", "targets: ['127.0.0.1:19093']").doesNotContain("'127.0.0.1:9093'");

        String without = PrometheusConfig.fill(template, "127.0.0.1:18080", "127.0.0.1:19090", null, null,
                Path.of("/repo/rules"), null);
        assertThat(without).doesNotContain("alerting:", "alertmanagers:", "9093']")
                .contains("rule_files:", "\nscrape_configs:\n  - job_name: prometheus");
    }
}
