package dev.mlobservatory.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the stack files in the repository, found from the test's working directory. */
final class Repo {

    static final Path ROOT = findRoot();
    static final Path RULES = ROOT.resolve("rules/ml-api-alerts.yml");
    static final Path RULE_TESTS = ROOT.resolve("rules/ml-api-alerts.test.yml");
    static final Path PROMETHEUS_COMPOSE = ROOT.resolve("stack/prometheus/prometheus.yml");
    static final Path PROMETHEUS_LOCAL = ROOT.resolve("stack/prometheus/prometheus-local.yml");
    static final Path COMPOSE = ROOT.resolve("stack/compose.yaml");
    static final Path ALERTMANAGER = ROOT.resolve("stack/alertmanager/alertmanager.yml");
    static final Path DATASOURCE = ROOT.resolve("stack/grafana/provisioning/datasources/prometheus.yml");
    static final Path DASHBOARD_PROVIDER = ROOT.resolve("stack/grafana/provisioning/dashboards/ml-observatory.yml");
    static final Path DASHBOARD = ROOT.resolve("dashboards/ml-api.json");

    private Repo() {
    }

    private static Path findRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("rules/ml-api-alerts.yml")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }
}
