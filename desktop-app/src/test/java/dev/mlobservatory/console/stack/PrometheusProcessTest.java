package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.testing.LiveStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A Prometheus child that cannot start says why in one line, in the words of the version that failed. */
class PrometheusProcessTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mlobservatory.api.testing.Tools#eachPrometheus")
    void aTakenPortGivesPrometheussOwnErrorLine(Tools.Versioned prometheus, @TempDir Path home) throws Exception {
        ChildProcesses children = new ChildProcesses(home);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> PrometheusProcess.start(prometheus.path(), LiveStack.version(prometheus),
                    StackFiles.locate(home),
                    "127.0.0.1:1", taken.getLocalPort(), home.resolve("data"), "1s", children, line -> { }))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("prometheus exited with code 1: ")
                    // 2.x logs level=error, 3.x level=ERROR: either way the error line is the one quoted.
                    .hasMessageMatching("(?s).*level=(error|ERROR).*")
                    .hasMessageContaining("address already in use");
            assertThat(children.alive()).isEmpty();
        } finally {
            children.close();
        }
    }
}
