package dev.mlobservatory.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mlobservatory.api.testing.Tools;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compose stack cannot run here (no Docker engine), so it is checked the other ways:
 * docker-compose validates it, and its safety properties are read from the file.
 */
class ComposeTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void dockerComposeValidatesTheFile() throws Exception {
        String dockerCompose = Tools.require("docker-compose");
        Cmd result = Cmd.run(Repo.ROOT, List.of(dockerCompose, "-f", Repo.COMPOSE.toString(), "config", "-q"));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void imagesArePinnedAndPortsAreLoopbackOnly() throws Exception {
        JsonNode services = YAML.readTree(Repo.COMPOSE.toFile()).get("services");
        assertThat(services.fieldNames()).toIterable().contains("api", "prometheus", "grafana");
        for (Map.Entry<String, JsonNode> service : services.properties()) {
            JsonNode image = service.getValue().get("image");
            assertThat(image).as(service.getKey() + " image").isNotNull();
            if (List.of("api", "prometheus", "grafana").contains(service.getKey())) {
                assertThat(service.getValue().path("ports").size()).as(service.getKey() + " ports").isGreaterThan(0);
            }
            assertThat(image.asText()).matches("[^:]+:[0-9v][^:]*").doesNotContain("latest");
            for (JsonNode port : service.getValue().path("ports")) {
                assertThat(port.asText()).as(service.getKey() + " port").startsWith("127.0.0.1:");
            }
        }
    }

    @Test
    void servicesHaveHealthChecksAndStartInOrder() throws Exception {
        JsonNode services = YAML.readTree(Repo.COMPOSE.toFile()).get("services");
        for (String name : List.of("api", "prometheus", "grafana")) {
            assertThat(services.at("/" + name + "/healthcheck/test")).as(name + " healthcheck").isNotEmpty();
        }
        assertThat(services.at("/prometheus/depends_on/api/condition").asText()).isEqualTo("service_healthy");
        assertThat(services.at("/grafana/depends_on/prometheus/condition").asText()).isEqualTo("service_healthy");
        assertThat(services.at("/prometheus/command").toString()).contains("--web.enable-lifecycle")
                // 3.5 scrapes native histograms only with the flag; the configuration keeps the classic buckets
                .contains("--enable-feature=native-histograms");
        assertThat(Files.readString(Repo.PROMETHEUS_COMPOSE)).contains("always_scrape_classic_histograms: true");
        assertThat(services.at("/prometheus/image").asText()).startsWith("prom/prometheus:v3.");
        assertThat(services.at("/api/command").toString()).contains("0.0.0.0").contains("--enable-faults");
        JsonNode volumes = YAML.readTree(Repo.COMPOSE.toFile()).get("volumes");
        assertThat(volumes.fieldNames()).toIterable().contains("prometheus-data", "grafana-data");
    }

    @Test
    void grafanaHasNoDefaultPasswordNoSignUpAndAnonymousViewers() throws Exception {
        JsonNode env = YAML.readTree(Repo.COMPOSE.toFile()).at("/services/grafana/environment");
        assertThat(env.path("GF_SECURITY_ADMIN_PASSWORD").isMissingNode()).isTrue();
        assertThat(env.path("GF_SECURITY_ADMIN_PASSWORD__FILE").asText()).isNotBlank();
        assertThat(env.path("GF_USERS_ALLOW_SIGN_UP").asText()).isEqualTo("false");
        assertThat(env.path("GF_AUTH_ANONYMOUS_ENABLED").asText()).isEqualTo("true");
        assertThat(env.path("GF_AUTH_ANONYMOUS_ORG_ROLE").asText()).isEqualTo("Viewer");
        assertThat(Files.readString(Repo.COMPOSE)).doesNotContainPattern("(?i)password[:=]\\s*admin\\b");
        assertThat(Repo.ROOT.resolve("stack/.env.example")).exists();
    }

    @Test
    void grafanaMountsTheProvisioningAndTheRepositoryDashboards() throws Exception {
        JsonNode compose = YAML.readTree(Repo.COMPOSE.toFile());
        List<String> mounts = new ArrayList<>();
        compose.at("/services/grafana/volumes").forEach(v -> mounts.add(v.asText()));
        String provider = YAML.readTree(Repo.DASHBOARD_PROVIDER.toFile()).at("/providers/0/options/path").asText();
        assertThat(mounts).contains("./grafana/provisioning:/etc/grafana/provisioning:ro", "../dashboards:" + provider + ":ro");
        assertThat(compose.at("/services/prometheus/volumes").toString()).contains("../rules:/etc/prometheus/rules:ro");
    }

    /**
     * Alertmanager as the other services: pinned (0.33.1, the version the tests run), loopback port, health check,
     * a volume for silences; its configuration read-only; the console reached on the host; Prometheus sends to it.
     */
    @Test
    void alertmanagerIsPinnedCheckedAndReceivesPrometheussAlerts() throws Exception {
        JsonNode compose = YAML.readTree(Repo.COMPOSE.toFile());
        JsonNode am = compose.at("/services/alertmanager");
        assertThat(am.path("image").asText()).isEqualTo("prom/alertmanager:v0.33.1");
        assertThat(am.path("ports").toString()).contains("127.0.0.1:${ALERTMANAGER_PORT:-9093}:9093");
        assertThat(am.at("/healthcheck/test").toString()).contains("wget", "/-/ready");
        assertThat(am.path("volumes").toString()).contains(
                "./alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro", "alertmanager-data:/alertmanager");
        assertThat(am.path("extra_hosts").toString()).contains("host.docker.internal:host-gateway");
        assertThat(am.path("command").toString()).contains("--config.file=/etc/alertmanager/alertmanager.yml",
                "--cluster.listen-address=");
        assertThat(compose.get("volumes").fieldNames()).toIterable().contains("alertmanager-data");
        assertThat(compose.at("/services/prometheus/depends_on/alertmanager/condition").asText())
                .isEqualTo("service_healthy");
        JsonNode alerting = YAML.readTree(Repo.PROMETHEUS_COMPOSE.toFile()).at("/alerting/alertmanagers/0");
        assertThat(alerting.at("/static_configs/0/targets").toString()).contains("alertmanager:9093");
        assertThat(Files.readString(Repo.ROOT.resolve("stack/.env.example"))).contains("ALERTMANAGER_PORT=9093");
        // The webhook is the console's Docker-mode receiver: the fixed port the console listens on for containers.
        assertThat(Files.readString(Repo.ALERTMANAGER)).contains("url: http://host.docker.internal:9466/webhook");
    }

    @Test
    void dockerfileIsMultiStageNonRootWithAHealthCheck() throws Exception {
        String dockerfile = Files.readString(Repo.ROOT.resolve("api-server/Dockerfile"));
        assertThat(dockerfile).containsPattern("FROM eclipse-temurin:17[^\\s]*-jdk[^\\s]* AS build")
                .containsPattern("FROM eclipse-temurin:17[^\\s]*-jre")
                .contains("./mvnw", "USER api", "EXPOSE 8080", "HEALTHCHECK", "\"0.0.0.0\"")
                .doesNotContain(":latest");
        assertThat(Repo.ROOT.resolve(".dockerignore")).exists();
    }
}
