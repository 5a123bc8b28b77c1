package dev.mlobservatory.console.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's Lab progress section: each step with its status and green time, escaped, and the same in JSON. */
class ReportLabSectionTest {

    private static ReportData data(List<ReportData.LabStep> lab) {
        return new ReportData("2026-11-30T06:00:00Z", "", new ReportData.Versions("17", "3.5.3", "test", "Local"),
                List.of(), List.of(), "", new ReportData.Traffic(false, 20, 0, 0, 0, 0, 0, Map.of(), null, null, null),
                List.of(), List.of(), List.of(), "", lab);
    }

    @Test
    void eachStepIsListedWithItsStatusAndWhenItWentGreen() throws Exception {
        ReportData d = data(List.of(
                new ReportData.LabStep("metrics", "Read the API's /metrics", "done", "2026-11-30T05:40:12Z"),
                new ReportData.LabStep("targets", "See <both> targets UP", "current", ""),
                new ReportData.LabStep("silence", "Silence it", "skipped", "")));

        String html = ReportHtml.render(d);

        assertThat(html).contains("<h2>Lab progress</h2><p>1 of 3 guided steps done",
                "<td>1. Read the API&#39;s /metrics</td><td class=\"up\">✓ done</td><td>2026-11-30T05:40:12Z</td>",
                "<td>2. See &lt;both&gt; targets UP</td><td class=\"muted\">current</td><td>—</td>",
                "<td>3. Silence it</td><td class=\"muted\">skipped</td>");
        assertThat(html).doesNotContain("<both>");

        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(d));
        assertThat(json.path("lab").get(0).path("id").asText()).isEqualTo("metrics");
        assertThat(json.path("lab").get(0).path("greenAt").asText()).isEqualTo("2026-11-30T05:40:12Z");
        assertThat(json.path("lab").get(2).path("status").asText()).isEqualTo("skipped");
    }

    @Test
    void aReportWithoutLabStepsHasNoSection() {
        assertThat(ReportHtml.render(data(List.of()))).doesNotContain("Lab progress");
    }
}
