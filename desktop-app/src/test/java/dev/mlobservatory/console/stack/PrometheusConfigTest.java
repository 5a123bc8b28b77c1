package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlobservatory.console.install.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The no-Docker configuration per Prometheus version: 2.x as it always was, 3.x with native histograms. */
class PrometheusConfigTest {

    @TempDir
    Path home;

    private String filled() throws Exception {
        return PrometheusConfig.fill(Files.readString(StackFiles.locate(home).prometheusTemplate()), "127.0.0.1:18080", "127.0.0.1:19090",
                Path.of("/repo/rules"), null);
    }

    @Test
    void prometheus2GetsNoNewKeyAndNoFlag() throws Exception {
        Version v2 = new Version(2, 42, 0);

        assertThat(PrometheusConfig.forVersion(filled(), v2))
                .doesNotContain("always_scrape_classic_histograms: true", "scrape_native_histograms: true");
        assertThat(PrometheusConfig.flags(v2)).isEmpty();
    }

    @Test
    void anUnknownVersionIsConfiguredAs2WhichEveryVersionAccepts() throws Exception {
        assertThat(PrometheusConfig.forVersion(filled(), null)).doesNotContain("always_scrape_classic_histograms: true");
        assertThat(PrometheusConfig.flags(null)).isEmpty();
    }

    @Test
    void prometheus35KeepsClassicBucketsAndGetsTheFeatureFlag() throws Exception {
        Version v35 = new Version(3, 5, 3);

        assertThat(PrometheusConfig.forVersion(filled(), v35))
                .contains("always_scrape_classic_histograms: true").doesNotContain("scrape_native_histograms: true");
        assertThat(PrometheusConfig.flags(v35)).containsExactly("--enable-feature=native-histograms");
    }

    @Test
    void from38TheSettingReplacesTheFlag() throws Exception {
        Version v39 = new Version(3, 9, 1);

        assertThat(PrometheusConfig.forVersion(filled(), v39))
                .contains("always_scrape_classic_histograms: true\n    scrape_native_histograms: true\n");
        assertThat(PrometheusConfig.flags(v39)).isEmpty();
    }

    @Test
    void theLoadgenJobScrapesTheConsolesPortOrIsLeftOut() throws Exception {
        String template = Files.readString(StackFiles.locate(home).prometheusTemplate());
        String with = PrometheusConfig.fill(template, "127.0.0.1:18080", "127.0.0.1:19090", "127.0.0.1:34567",
                Path.of("/repo/rules"), null);
        assertThat(with).contains("job_name: loadgen", "'127.0.0.1:34567'").doesNotContain("'127.0.0.1:9465'");

        String without = filled();
        assertThat(without).doesNotContain("job_name: loadgen", "'127.0.0.1:9465'").contains("job_name: ml-api", "'127.0.0.1:18080'");
        assertThat(without).endsWith("'127.0.0.1:18080']\n");
    }

    @Test
    void aTemplateWithoutTheClassicLineIsRefusedByName() {
        assertThatThrownBy(() -> PrometheusConfig.forVersion("scrape_configs: []\n", new Version(3, 5, 3)))
                .hasMessageContaining("always_scrape_classic_histograms: true");
    }
}
