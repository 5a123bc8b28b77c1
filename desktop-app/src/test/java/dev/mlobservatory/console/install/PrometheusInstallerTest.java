package dev.mlobservatory.console.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.ReleaseMirror;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads from a mirror on loopback that serves archives built from the real prometheus binary: success (tar.gz
 * and zip), reuse, and every way a download goes wrong — each leaving nothing in the tools folder.
 */
@Timeout(120)
class PrometheusInstallerTest {

    @TempDir
    Path home;
    private ReleaseMirror mirror;
    private ToolsFolder tools;
    private final OkHttpClient http = DownloadClient.of(new OkHttpClient(), java.util.Map.of());
    private final List<Progress> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        mirror = new ReleaseMirror();
        tools = ToolsFolder.of(home);
    }

    @AfterEach
    void tearDown() {
        mirror.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private Release release(Platform platform) {
        return Release.of(ReleaseMirror.VERSION, platform, mirror.url());
    }

    private ReleaseInstaller.Result install(Platform platform) throws InstallException {
        return new ReleaseInstaller(http, tools).install(release(platform), progress::add);
    }

    private static Platform here() throws InstallException {
        return Platform.current();
    }

    /** What the tools folder holds: after a failure, nothing at all (or no folder). */
    private List<String> toolsContent() throws IOException {
        if (!Files.exists(tools.dir())) {
            return List.of();
        }
        try (var files = Files.list(tools.dir())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String run(Path binary, String arg) throws Exception {
        Process p = new ProcessBuilder(binary.toString(), arg).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theTarGzIsVerifiedAndUnpackedIntoToolsWithTheBinariesOnly() throws Exception {
        ReleaseInstaller.Result r = install(here());

        Path dir = home.resolve("tools/prometheus-" + ReleaseMirror.VERSION);
        assertThat(r.reused()).isFalse();
        assertThat(r.binary()).isEqualTo(dir.resolve("prometheus").toAbsolutePath());
        assertThat(run(r.binary(), "--version")).contains("prometheus, version");
        assertThat(run(dir.resolve("promtool"), "--version")).contains("promtool");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("prometheus", "promtool", "LICENSE", "NOTICE");
        }
        assertThat(toolsContent()).containsExactly("prometheus-" + ReleaseMirror.VERSION);
        assertThat(mirror.requests).containsExactly("/v3.5.3/sha256sums.txt",
                "/v3.5.3/" + ReleaseMirror.archiveName(here()));

        Progress last = progress.stream().filter(p -> p.step() == Progress.Step.DOWNLOADING).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(last.total()).isPositive();
        assertThat(last.bytes()).isEqualTo(last.total());
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(last.describe()).matches("Downloading: [\\d.]+ MB of [\\d.]+ MB \\(100 %\\), [\\d.]+ MB/s");
        assertThat(progress.get(progress.size() - 1).step()).isEqualTo(Progress.Step.UNPACKING);
    }

    @Test
    void aCompleteInstallIsReusedWithoutAsking() throws Exception {
        Path first = install(here()).binary();
        mirror.requests.clear();

        ReleaseInstaller.Result again = install(here());

        assertThat(again.reused()).isTrue();
        assertThat(again.binary()).isEqualTo(first);
        assertThat(mirror.requests).isEmpty();
    }

    @Test
    void theWindowsZipIsUnpackedToo() throws Exception {
        ReleaseInstaller.Result r = install(new Platform("windows", "amd64"));

        Path dir = home.resolve("tools/prometheus-" + ReleaseMirror.VERSION);
        assertThat(r.binary()).isEqualTo(dir.resolve("prometheus.exe").toAbsolutePath());
        assertThat(Files.isExecutable(r.binary())).isTrue();
        // The test's zip carries the Linux binary under the Windows name: it runs here.
        assertThat(run(r.binary(), "--version")).contains("prometheus, version");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("prometheus.exe", "promtool.exe", "LICENSE");
        }
    }

    private void assertFailsLeavingNothing(Platform platform, String... messageParts) throws IOException {
        assertThatThrownBy(() -> install(platform)).isInstanceOf(InstallException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(messageParts).doesNotContain("\n"));
        assertThat(toolsContent()).isEmpty();
    }

    @Test
    void aChecksumMismatchInstallsNothing() throws Exception {
        mirror.mode(ReleaseMirror.Mode.WRONG_CHECKSUMS);
        assertFailsLeavingNothing(here(), "Checksum mismatch for " + ReleaseMirror.archiveName(here()),
                "nothing was installed");
    }

    @Test
    void aTruncatedDownloadSaysItBrokeOff() throws Exception {
        mirror.mode(ReleaseMirror.Mode.TRUNCATED);
        assertFailsLeavingNothing(here(), "The download of " + ReleaseMirror.archiveName(here()), "broke off after",
                "try again");
    }

    @Test
    void anUnknownVersionIsNamed() throws Exception {
        assertThatThrownBy(() -> new ReleaseInstaller(http, tools)
                .install(Release.of("9.9.9", here(), mirror.url()), progress::add))
                .hasMessage("No such version: Prometheus 9.9.9 is not at " + mirror.url() + " (" + mirror.url()
                        + "/v9.9.9/sha256sums.txt answered HTTP 404).");
        assertThat(toolsContent()).isEmpty();
    }

    @Test
    void aPlatformWithoutARelease() throws Exception {
        // Listed in sha256sums.txt, but the mirror has no file: the archive's own 404.
        assertFailsLeavingNothing(new Platform("darwin", "arm64"), "Prometheus 3.5.3 has no release for darwin-arm64 at "
                + mirror.url() + "/v3.5.3/prometheus-3.5.3.darwin-arm64.tar.gz (HTTP 404)");
        // Not even listed.
        assertFailsLeavingNothing(new Platform("linux", "arm64"), "Prometheus 3.5.3 has no release for linux-arm64",
                "lists no prometheus-3.5.3.linux-arm64.tar.gz");
    }

    @Test
    void aMirrorThatAnswersWebPagesIsNotOne() throws Exception {
        mirror.mode(ReleaseMirror.Mode.HTML);
        assertFailsLeavingNothing(here(), mirror.url() + " is not a Prometheus release mirror",
                "answered a web page");
    }

    @Test
    void noServerMeansNoNetwork() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Release release = Release.of(ReleaseMirror.VERSION, here(), "http://127.0.0.1:" + port);
        assertThatThrownBy(() -> new ReleaseInstaller(http, tools).install(release, progress::add))
                .hasMessage("No network: cannot connect to 127.0.0.1:" + port + " (connection refused).");
        assertThat(toolsContent()).isEmpty();

        OkHttpClient offline = http.newBuilder().dns(host -> {
            throw new UnknownHostException(host);
        }).build();
        Release far = Release.of(ReleaseMirror.VERSION, here(), "https://mirror.example.org/prometheus");
        assertThatThrownBy(() -> new ReleaseInstaller(offline, tools).install(far, progress::add))
                .hasMessage("No network: cannot find mirror.example.org (offline, or behind a proxy: set "
                        + "https_proxy).");
    }

    @Test
    void cancelMidwayLeavesNothing() throws Exception {
        mirror.mode(ReleaseMirror.Mode.STALLED);
        ReleaseInstaller installer = new ReleaseInstaller(http, tools);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                installer.install(release(here()), progress::add);
                outcome.set(new AssertionError("the install finished"));
            } catch (InstallException e) {
                outcome.set(e);
            }
        });
        worker.start();
        LiveStack.await("the first bytes", 30, () -> progress.stream().anyMatch(p -> p.bytes() > 0)
                || outcome.get() != null);
        assertThat(toolsContent()).as("the download in progress").singleElement().asString().startsWith(".partial-");

        installer.cancel();
        worker.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(worker.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(InstallException.Cancelled.class)
                .hasMessage("Cancelled; nothing was installed.");
        assertThat(toolsContent()).isEmpty();
    }

    @Test
    void aFullDiskAndAPartialLeftoverAreHandled() throws Exception {
        assertThat(InstallException.local(new IOException("No space left on device"), tools.dir()).getMessage())
                .isEqualTo("Disk full: no space left on the device of " + tools.dir() + "; free some space and try "
                        + "again. Nothing was installed.");
        // A kill -9 in the middle of an install leaves its partial folder: the next install removes it.
        Path leftover = Files.createDirectories(tools.dir().resolve(".partial-" + Integer.MAX_VALUE + "-prometheus-x"));
        Files.writeString(leftover.resolve("half.tar.gz"), "half");
        install(here());
        assertThat(toolsContent()).containsExactly("prometheus-" + ReleaseMirror.VERSION);
    }
}
