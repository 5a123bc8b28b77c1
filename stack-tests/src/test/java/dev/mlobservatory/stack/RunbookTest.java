package dev.mlobservatory.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every alert says where its runbook is, and the runbook has that section, with a PromQL query to confirm it: an
 * alert that reaches someone must tell them what to do.
 */
class RunbookTest {

    @Test
    void everyRuleLinksToAnExistingRunbookSectionWithAQueryToConfirmIt() throws Exception {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(Repo.RULES.toFile());
        String runbooks = Files.readString(Repo.ROOT.resolve("docs/runbooks.md"));
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                alerts.add(alert);
                String url = rule.at("/annotations/runbook_url").asText();
                assertThat(url).as(alert).isEqualTo("docs/runbooks.md#" + alert.toLowerCase(Locale.ROOT));
                assertThat(Files.isRegularFile(Repo.ROOT.resolve(url.substring(0, url.indexOf('#'))))).isTrue();
                int section = runbooks.indexOf("\n## " + alert + "\n");
                assertThat(section).as("the runbook section of " + alert).isPositive();
                int next = runbooks.indexOf("\n## ", section + 1);
                String body = runbooks.substring(section, next < 0 ? runbooks.length() : next);
                assertThat(body).as(alert).contains("**Means:**", "**Confirm:**", "**Do:**", "```promql");
                assertThat(rule.at("/annotations/description").asText()).as(alert).isNotBlank();
            }
        }
        assertThat(alerts).hasSize(6);
    }
}
