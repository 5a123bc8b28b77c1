package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlobservatory.api.testing.Tools;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The real alertmanager binary as the console runs it: a free loopback port, no cluster port, stopped for good. */
class AlertmanagerProcessTest {

    @TempDir
    Path home;
    private ChildProcesses children;

    @AfterEach
    void stopChildren() {
        if (children != null) {
            children.close();
        }
    }

    private String template() throws IOException {
        return Files.readString(StackFiles.locate(home).alertmanagerTemplate());
    }

    @Test
    void startsOnAFreePortWithTheConsolesWebhookAndStopsForGood() throws Exception {
        Tools.Versioned binary = Tools.alertmanager();
        children = new ChildProcesses(home);
        int port = Ports.any();

        AlertmanagerProcess am = AlertmanagerProcess.start(binary.path(), template(), "http://127.0.0.1:41234/webhook",
                port, home.resolve("am"), children, line -> { });
        ProcessHandle handle = am.handle();
        String status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(am.baseUrl()
                + "/api/v2/status")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(am.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
        // It loaded the console's file (its API hides webhook URLs as <secret>: the file is checked instead).
        assertThat(status).contains("group_wait: 10s", "webhook_configs").contains("\"version\":\"" + binary.version());
        assertThat(Files.readString(home.resolve("am/alertmanager.yml"))).contains("url: http://127.0.0.1:41234/webhook");
        // --cluster.listen-address= : no gossip port, so nothing of it listens on 0.0.0.0:9094.
        assertThat(status).contains("\"status\":\"disabled\"");
        assertThat(children.alive()).containsExactly(handle);

        am.close();

        assertThat(handle.isAlive()).isFalse();
        assertThat(children.alive()).isEmpty();
        assertThat(Ports.free(port)).isTrue();
    }

    /** What the console writes must be what Alertmanager's own tool accepts, with and without a receiver. */
    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "http://127.0.0.1:41234/webhook")
    void theGeneratedConfigurationPassesAmtool(String webhook) throws Exception {
        String amtool = Tools.require("amtool");
        Path config = home.resolve("alertmanager.yml");
        Files.writeString(config, AlertmanagerConfig.fill(template(), webhook));

        Process p = new ProcessBuilder(amtool, "check-config", config.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("SUCCESS", "1 inhibit rules", "1 receivers");
    }

    @Test
    void aTakenPortGivesAlertmanagersOwnErrorLine() throws Exception {
        Tools.Versioned binary = Tools.alertmanager();
        children = new ChildProcesses(home);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> AlertmanagerProcess.start(binary.path(), template(), null, taken.getLocalPort(),
                    home.resolve("am"), children, line -> { }))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("alertmanager exited with code 1: ")
                    .hasMessageContaining("address already in use");
            assertThat(children.alive()).isEmpty();
        }
    }

    /** Nothing of it is left in the console's folder when the stack that owns its folder removes it. */
    @Test
    void itsFolderHoldsOnlyItsConfigurationAndStorage() throws Exception {
        children = new ChildProcesses(home);
        AlertmanagerProcess am = AlertmanagerProcess.start(Tools.alertmanager().path(), template(), null, Ports.any(),
                home.resolve("am"), children, line -> { });
        am.close();

        List<String> names = new ArrayList<>(Arrays.asList(home.resolve("am").toFile().list()));
        assertThat(names).containsExactlyInAnyOrder("alertmanager.yml", "storage");
    }
}
