package dev.mlobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ApiMainTest {

    @Test
    void helpExplainsTheOptions() {
        StringBuilderWriter out = new StringBuilderWriter();
        int code = new CommandLine(new ApiMain()).setOut(out.printWriter()).execute("--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("--host", "--port", "HOST", "PORT", "--header-timeout", "--body-timeout",
                "--idle-timeout", "--max-header-size", "--max-connections", "--drain", "BODY_TIMEOUT");
    }

    @Test
    void limitsWithoutAUnitOrOutOfRangeAreExitCode2() {
        assertThat(new CommandLine(new ApiMain()).execute("--body-timeout", "10")).isEqualTo(2);
        assertThat(new CommandLine(new ApiMain()).execute("--max-header-size", "lots")).isEqualTo(2);
        assertThat(new CommandLine(new ApiMain()).execute("--max-connections", "0")).isEqualTo(2);
        assertThat(new CommandLine(new ApiMain()).execute("--header-timeout", "0s")).isEqualTo(2);
    }

    @Test
    void aTakenPortIsAClearMessageAndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream saved = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code;
            try {
                code = new CommandLine(new ApiMain()).execute("--port", String.valueOf(taken.getLocalPort()));
            } finally {
                System.setErr(saved);
            }
            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void anImpossiblePortIsExitCode2() {
        assertThat(new CommandLine(new ApiMain()).execute("--port", "70000")).isEqualTo(2);
        assertThat(new CommandLine(new ApiMain()).execute("--port", "eighty")).isEqualTo(2);
    }

    /** The real process: one "ready at URL" line, then a clean exit on SIGTERM. */
    @Test
    void logsItsUrlWhenReadyAndStopsCleanlyOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ApiMain.class.getName(), "--port", "0")
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.contains("ready at")) {
                    break;
                }
            }
            assertThat(lines).anySatisfy(l -> assertThat(l).matches(".*ready at http://127\\.0\\.0\\.1:\\d+ in \\d+ ms.*")
                    .matches(".*warmed up with \\d+ requests in \\d+ ms.*not counted in the metrics.*"));

            p.toHandle().destroy(); // SIGTERM, without closing our end of its output as Process#destroy would
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).isIn(0, 143);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("stopping"));
        assertThat(String.join("\n", lines)).doesNotContain("Exception");
    }

    /** Collects picocli's output. */
    private static final class StringBuilderWriter {
        private final java.io.StringWriter writer = new java.io.StringWriter();

        java.io.PrintWriter printWriter() {
            return new java.io.PrintWriter(writer, true);
        }

        @Override
        public String toString() {
            return writer.toString();
        }
    }
}
