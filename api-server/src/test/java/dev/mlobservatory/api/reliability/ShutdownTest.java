package dev.mlobservatory.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.ApiMain;
import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.RawHttp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A stop (the console's Stop and Kill API, SIGTERM) gives requests in flight the drain period, then stops regardless.
 * Before the fix it waited for as long as a client with an unfinished body stayed connected.
 */
class ShutdownTest {

    @Test
    void closeReturnsWithinTheDrainPeriodDespiteAStalledClient() throws Exception {
        TestApi api = new TestApi(false, TestApi.QUICK.withBodyTimeout(Duration.ofSeconds(60)));
        List<RawHttp> stalled = Stalled.bodies(api.port(), 3, "POST", "/v1/predict");
        Thread closer = new Thread(api::close, "test-close");
        closer.setDaemon(true); // on the old code it never returns; the test must fail, not hang
        try {
            long start = System.nanoTime();
            closer.start();
            closer.join(15_000);
            assertThat(closer.isAlive()).as("close() returned within 15 s (drain 1 s)").isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(stalled.get(0).awaitClose(Duration.ofSeconds(5)).closed()).isTrue();
        } finally {
            Stalled.closeAll(stalled);
        }
    }

    /** The real process and a real SIGTERM, with a client holding an unfinished body. */
    @Test
    void sigtermWithAStalledClientExitsWithinTheDrainPeriod() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ApiMain.class.getName(), "--port", "0").redirectErrorStream(true).start();
        List<RawHttp> stalled = List.of();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            int port = -1;
            Pattern ready = Pattern.compile("ready at http://127\\.0\\.0\\.1:(\\d+)");
            for (String line; port < 0 && (line = out.readLine()) != null; ) {
                Matcher m = ready.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            assertThat(port).as("the server said where it listens").isPositive();
            stalled = Stalled.bodies(port, 2, "POST", "/v1/predict");
            assertThat(stalled.get(0).awaitClose(Duration.ofMillis(300)).closed()).isFalse();
            long start = System.nanoTime();
            p.toHandle().destroy(); // SIGTERM
            assertThat(p.waitFor(15, TimeUnit.SECONDS)).as("exited within 15 s of SIGTERM").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            // What the terminal shows after Ctrl+C: the stop's own lines, no stack trace from a connection it closed.
            String afterStop = out.lines().collect(Collectors.joining("\n"));
            assertThat(afterStop).doesNotContain("Exception", "\tat ");
        } finally {
            Stalled.closeAll(stalled);
            p.destroyForcibly();
        }
    }
}
