package dev.mlobservatory.console.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrafficCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = dev.mlobservatory.console.LauncherAccess.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aShortRunPrintsOneLinePerSecondAndASummary() {
        try (TestApi api = new TestApi()) {
            int code = run("traffic", "--url", api.server.baseUrl(), "--rate", "100", "--duration", "2500ms",
                    "--error-ratio", "0.1", "--mix", "v1=0.5,v2=0.5", "--drift", "0.3", "--seed", "1");

            assertThat(code).as(err.toString()).isZero();
            String text = out.toString();
            assertThat(text).contains("t(s)", "achieved", "p99 ms", "summary:", "engine CPU");
            assertThat(text.lines().filter(l -> l.matches("\\s+[12]\\s+100\\.0\\s.*"))).hasSize(2);
            // The last half second has its own row.
            assertThat(text.lines().filter(l -> l.matches("\\s+2\\.5\\s.*"))).hasSize(1);
            assertThat(text).containsPattern("summary: 2\\.\\d s, 2\\d\\d sent");
        }
    }

    /**
     * A row per whole second, the last one included, and each row's target is the rate asked for during that second:
     * the burst from 2 s on is not in row 2 (the second before it) but fills row 4.
     */
    @Test
    void everyWholeSecondHasARowWithTheTargetOfThatSecond() {
        try (TestApi api = new TestApi()) {
            int code = run("traffic", "--url", api.server.baseUrl(), "--rate", "20", "--duration", "4s",
                    "--burst-at", "2s", "--burst-x", "3", "--burst-for", "3s", "--seed", "1");

            assertThat(code).as(err.toString()).isZero();
            java.util.List<String[]> rows = out.toString().lines()
                    .filter(l -> l.matches("\\s+\\d+(\\.\\d)?\\s+\\d+\\.\\d\\s.*"))
                    .map(l -> l.trim().split("\\s+")).toList();
            assertThat(rows).extracting(r -> r[0]).containsExactly("1", "2", "3", "4");
            assertThat(rows.get(0)[1]).isEqualTo("20.0");
            // The CLI starts the burst by the wall clock, a moment before the engine's second 2 ends at worst.
            assertThat(Double.parseDouble(rows.get(1)[1])).isLessThan(40.0);
            assertThat(rows.get(3)[1]).isEqualTo("60.0");
        }
    }

    @Test
    void badArgumentsAreExitCode2WithAClearMessage() {
        assertThat(run("traffic", "--rate", "-5")).isEqualTo(2);
        assertThat(err.toString()).contains("rate must be").contains("--help").doesNotContain("Exception");
        assertThat(run("traffic", "--mix", "v1=abc")).isEqualTo(2);
        assertThat(run("traffic", "--duration", "forever")).isEqualTo(2);
        assertThat(run("traffic", "--error-ratio", "2")).isEqualTo(2);
        assertThat(run("traffic", "--burst-at", "1s", "--burst-x", "0")).isEqualTo(2);
        assertThat(run("traffic", "--no-such-option")).isEqualTo(2);
    }

    @Test
    void anUnreachableUrlSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        int code = run("traffic", "--url", "http://127.0.0.1:" + port, "--duration", "1s");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("cannot reach", "connection refused", "Is the API running?")
                .doesNotContain("Exception", "\tat ");
    }
}
