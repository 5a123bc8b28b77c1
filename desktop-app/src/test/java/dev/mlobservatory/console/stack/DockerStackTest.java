package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker mode's process handling, with a stand-in compose command (no Docker engine runs on the build machines):
 * the exact command line and port variables, output streamed line by line, failures reported with compose's last
 * words, and {@code down} on close.
 */
class DockerStackTest {

    @TempDir
    Path dir;
    private Path calls;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private ChildProcesses children;

    @BeforeEach
    void setUp() {
        calls = dir.resolve("calls.txt");
        children = new ChildProcesses(dir);
    }

    /** A compose stand-in that records its arguments and ports, prints like compose, and exits with {@code code}. */
    private List<String> fakeCompose(int code) throws IOException {
        Path script = dir.resolve("compose");
        Files.writeString(script, """
                #!/bin/sh
                echo "$* API_PORT=$API_PORT PROMETHEUS_PORT=$PROMETHEUS_PORT GRAFANA_PORT=$GRAFANA_PORT" >> %s
                echo "#5 [api build 3/7] RUN ./mvnw -B -q -DskipTests package"
                echo ""
                echo " Container stack-api-1  Started"
                [ %d -eq 0 ] || echo "Error response from daemon: port is already allocated" >&2
                exit %d
                """.formatted(calls, code, code));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return List.of(script.toString());
    }

    @Test
    void upStreamsOutputWithThePortsAndCloseRunsDown() throws Exception {
        StackPorts ports = new StackPorts(18080, 19090, 13000);
        DockerStack stack = DockerStack.start(fakeCompose(0), Path.of("stack/compose.yaml"), ports, children, log::add);

        assertThat(Files.readAllLines(calls)).containsExactly(
                "-f stack/compose.yaml up -d --build API_PORT=18080 PROMETHEUS_PORT=19090 GRAFANA_PORT=13000");
        assertThat(log).contains("#5 [api build 3/7] RUN ./mvnw -B -q -DskipTests package",
                " Container stack-api-1  Started");
        assertThat(log).noneMatch(String::isBlank);
        assertThat(stack.apiUrl()).isEqualTo("http://127.0.0.1:18080");
        assertThat(stack.grafanaUrl()).isEqualTo("http://localhost:13000");

        stack.stopApi();
        stack.startApi();
        stack.close();
        stack.close();

        List<String> lines = Files.readAllLines(calls);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("-f stack/compose.yaml stop api ");
        assertThat(lines.get(2)).startsWith("-f stack/compose.yaml start api ");
        assertThat(lines.get(3)).startsWith("-f stack/compose.yaml down ");
        assertThat(children.alive()).isEmpty();
    }

    @Test
    void aFailingComposeSaysWhyWithItsLastLine() throws Exception {
        List<String> compose = fakeCompose(1);

        assertThatThrownBy(() -> DockerStack.start(compose, Path.of("stack/compose.yaml"), StackPorts.DEFAULT, children,
                log::add))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("up failed (exit 1)")
                .hasMessageContaining("port is already allocated");
    }
}
