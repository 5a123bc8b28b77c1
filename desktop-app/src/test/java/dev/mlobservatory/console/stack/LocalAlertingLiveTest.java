package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.env.InstallHelp;
import dev.mlobservatory.console.testing.LiveStack;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Local mode's whole alerting path with the real binaries: a rule fires in Prometheus, Alertmanager groups it and
 * posts it to the console's receiver (a stand-in here), and posts again when it resolves. The stack's own intervals
 * and Alertmanager's own timings, so the measured delay is the one a class sees. The rule folder holds one rule that
 * fires as soon as the API answers a scrape, and resolves on Kill API.
 */
class LocalAlertingLiveTest {

    private static final String RULES = """
            groups:
              - name: test
                rules:
                  - alert: ApiAnswers
                    expr: up{job="ml-api"} == 1
                    for: 0s
                    labels:
                      severity: critical
                    annotations:
                      summary: "The API answers its scrapes"
            """;

    @TempDir
    Path home;

    /** The packed stack files, with the rule above in place of the repository's rules. */
    private StackFiles files() throws IOException {
        StackFiles files = StackFiles.unpacked(home.resolve("files"));
        Files.writeString(files.rulesDir().resolve("ml-api-alerts.yml"), RULES);
        return files;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mlobservatory.api.testing.Tools#eachPrometheus")
    void aFiringRuleReachesTheReceiverAndSoDoesItsResolution(Tools.Versioned prometheus) throws Exception {
        Tools.Versioned alertmanager = Tools.alertmanager();
        List<String> log = new CopyOnWriteArrayList<>();
        List<String> alertmanagerExits = new CopyOnWriteArrayList<>();
        ChildProcesses children = new ChildProcesses(home);
        try (WebhookRecorder receiver = new WebhookRecorder();
             LocalStack stack = LocalStack.start(new StackPorts(Ports.any(), Ports.any(), Ports.any(), Ports.any()),
                     files(), prometheus.path(), LiveStack.version(prometheus), alertmanager.path(), receiver,
                     children, home, log::add, why -> { }, alertmanagerExits::add, null)) {
            assertThat(stack.alertmanagerUrl()).startsWith("http://127.0.0.1:");
            assertThat(stack.describe()).contains("Alertmanager on 127.0.0.1:");
            assertThat(log).anyMatch(l -> l.startsWith("alertmanager | "));

            WebhookRecorder.Received firing = receiver.await("firing", Duration.ofSeconds(90));
            JsonNode body = firing.body();
            assertThat(body.path("receiver").asText()).isEqualTo("console");
            assertThat(body.at("/groupLabels/alertname").asText()).isEqualTo("ApiAnswers");
            assertThat(body.at("/alerts/0/labels/stack").asText()).isEqualTo("ml-observatory");
            Instant startsAt = Instant.parse(body.at("/alerts/0/startsAt").asText());
            // The figure the README states: Prometheus's send plus Alertmanager's group_wait (10 s).
            System.out.printf("%s + alertmanager %s: firing notification %d ms after the alert fired%n",
                    prometheus, alertmanager.version(), Duration.between(startsAt, firing.at()).toMillis());

            stack.stopApi();
            WebhookRecorder.Received resolved = receiver.await("resolved", Duration.ofSeconds(120));
            assertThat(resolved.body().at("/groupLabels/alertname").asText()).isEqualTo("ApiAnswers");
            Instant endsAt = Instant.parse(resolved.body().at("/alerts/0/endsAt").asText());
            System.out.printf("%s: resolved notification %d ms after the alert resolved%n", prometheus,
                    Duration.between(endsAt, resolved.at()).toMillis());
        } finally {
            children.close();
        }
        assertThat(children.alive()).isEmpty();
        assertThat(dataFolders()).as("Prometheus's and Alertmanager's folder is removed").isEmpty();
        assertThat(alertmanagerExits).as("a stop the stack asked for is not an unexpected exit").isEmpty();
    }

    /** Alertmanager killed under a running stack: the stack says why, and stops offering its URL. */
    @Test
    void anAlertmanagerThatDiesIsSaidAndNoLongerOffered() throws Exception {
        Tools.Versioned prometheus = Tools.prometheusVersions().get(0);
        CompletableFuture<String> exit = new CompletableFuture<>();
        List<String> log = new CopyOnWriteArrayList<>();
        ChildProcesses children = new ChildProcesses(home);
        try (LocalStack stack = LocalStack.start(new StackPorts(Ports.any(), Ports.any(), Ports.any(), Ports.any()),
                files(), prometheus.path(), LiveStack.version(prometheus), Tools.alertmanager().path(),
                ReceiverEndpoint.NONE, children, home, log::add, why -> { }, exit::complete, null)) {
            assertThat(stack.alertmanagerUrl()).isNotNull();
            ProcessHandle am = children.alive().stream()
                    .filter(h -> h.info().command().orElse("").contains("alertmanager")).findFirst().orElseThrow();

            am.destroyForcibly();

            assertThat(exit.get(30, TimeUnit.SECONDS)).startsWith("Alertmanager (pid " + am.pid() + ") exited");
            assertThat(stack.alertmanagerUrl()).isNull();
            assertThat(stack.prometheusUrl()).as("the rest of the stack runs on").isNotNull();
            assertThat(log).anyMatch(l -> l.startsWith("Alertmanager (pid " + am.pid() + ") exited"));
        } finally {
            children.close();
        }
    }

    /** Without Alertmanager the stack runs as before, and the log says what is missing and how to get it. */
    @Test
    void withoutAlertmanagerTheStackRunsAndTheLogSaysHowToGetIt() throws Exception {
        Tools.Versioned prometheus = Tools.prometheusVersions().get(0);
        List<String> log = new CopyOnWriteArrayList<>();
        ChildProcesses children = new ChildProcesses(home);
        try (LocalStack stack = LocalStack.start(new StackPorts(Ports.any(), Ports.any(), Ports.any(), Ports.any()),
                files(), prometheus.path(), LiveStack.version(prometheus), null, ReceiverEndpoint.NONE, children,
                home, log::add, why -> { }, why -> { }, null)) {
            assertThat(stack.prometheusUrl()).isNotNull();
            assertThat(stack.alertmanagerUrl()).isNull();
            assertThat(log).contains(InstallHelp.ALERTMANAGER_MISSING);
        } finally {
            children.close();
        }
    }

    private List<Path> dataFolders() throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(home, DataDirs.PREFIX + "*")) {
            return java.util.stream.StreamSupport.stream(dirs.spliterator(), false).toList();
        }
    }
}
