package dev.mlobservatory.console.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.ReleaseMirror;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * The same installer getting Alertmanager: from a mirror on loopback that serves archives built from the real
 * alertmanager binary, into {@code tools/alertmanager-<version>/}, where {@link ToolsFolder#installedAlertmanagers()}
 * finds it; and each way a download goes wrong, leaving nothing in the tools folder.
 */
@Timeout(120)
class AlertmanagerInstallerTest {

    private static final String VERSION = Tool.ALERTMANAGER_VERSION;

    @TempDir
    Path home;
    private ReleaseMirror mirror;
    private ToolsFolder tools;
    private final OkHttpClient http = DownloadClient.of(new OkHttpClient(), Map.of());
    private final List<Progress> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        mirror = new ReleaseMirror(Tool.ALERTMANAGER);
        tools = ToolsFolder.of(home);
    }

    @AfterEach
    void tearDown() {
        mirror.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private Release release(Platform platform) {
        return Release.of(Tool.ALERTMANAGER, VERSION, platform, mirror.url());
    }

    private ReleaseInstaller.Result install(Platform platform) throws InstallException {
        return new ReleaseInstaller(http, tools).install(release(platform), progress::add);
    }

    private static Platform here() throws InstallException {
        return Platform.current(Tool.ALERTMANAGER);
    }

    private static String archive(Platform platform) {
        return ReleaseMirror.archiveName(Tool.ALERTMANAGER, platform);
    }

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
    void theOfficialLayoutForEveryPlatform() throws InstallException {
        Release github = Release.of(Tool.ALERTMANAGER, VERSION, new Platform("linux", "amd64"), null);
        assertThat(github.archiveUrl()).hasToString("https://github.com/prometheus/alertmanager/releases/download/"
                + "v0.33.1/alertmanager-0.33.1.linux-amd64.tar.gz");
        assertThat(github.checksumsUrl()).hasToString("https://github.com/prometheus/alertmanager/releases/download/"
                + "v0.33.1/sha256sums.txt");
        // Like Prometheus, the Alertmanager project publishes Windows builds as zip files.
        assertThat(Release.of(Tool.ALERTMANAGER, VERSION, new Platform("windows", "amd64"), " ").archiveName())
                .isEqualTo("alertmanager-0.33.1.windows-amd64.zip");
        assertThat(Release.of(Tool.ALERTMANAGER, VERSION, new Platform("darwin", "arm64"), "http://laptop:8000/am/")
                .archiveUrl()).hasToString("http://laptop:8000/am/v0.33.1/alertmanager-0.33.1.darwin-arm64.tar.gz");
        assertThatThrownBy(() -> Platform.of("SunOS", "sparcv9", Tool.ALERTMANAGER))
                .hasMessage("Alertmanager cannot be downloaded for this machine (SunOS, sparcv9): the console gets "
                        + "releases for Linux, macOS and Windows on amd64 or arm64 only. Install Alertmanager yourself "
                        + "and put it on the PATH.");
        assertThat(Tool.ALERTMANAGER.withArticle()).isEqualTo("an Alertmanager");
        assertThat(Tool.PROMETHEUS.withArticle()).isEqualTo("a Prometheus");
    }

    @Test
    void theTarGzIsVerifiedAndUnpackedWhereTheConsoleFindsIt() throws Exception {
        ReleaseInstaller.Result r = install(here());

        Path dir = home.resolve("tools/alertmanager-" + VERSION);
        assertThat(r.reused()).isFalse();
        assertThat(r.binary()).isEqualTo(dir.resolve("alertmanager").toAbsolutePath());
        assertThat(run(r.binary(), "--version")).contains("alertmanager, version 0.33.1");
        assertThat(run(dir.resolve("amtool"), "--version")).contains("amtool");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("alertmanager", "amtool", "LICENSE", "NOTICE");
        }
        assertThat(toolsContent()).containsExactly("alertmanager-" + VERSION);
        assertThat(mirror.requests).containsExactly("/v0.33.1/sha256sums.txt", "/v0.33.1/" + archive(here()));
        assertThat(tools.installedAlertmanagers()).singleElement()
                .isEqualTo(new ToolsFolder.Installed(new Version(0, 33, 1), r.binary()));
        assertThat(tools.installed()).as("no Prometheus among them").isEmpty();

        Progress last = progress.stream().filter(p -> p.step() == Progress.Step.DOWNLOADING).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(last.bytes()).isEqualTo(last.total()).isPositive();
        assertThat(last.describe()).matches("Downloading: [\\d.]+ MB of [\\d.]+ MB \\(100 %\\), [\\d.]+ MB/s");
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

        Path dir = home.resolve("tools/alertmanager-" + VERSION);
        assertThat(r.binary()).isEqualTo(dir.resolve("alertmanager.exe").toAbsolutePath());
        // The test's zip carries the Linux binary under the Windows name: it runs here.
        assertThat(run(r.binary(), "--version")).contains("alertmanager, version");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("alertmanager.exe", "amtool.exe", "LICENSE");
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
        assertFailsLeavingNothing(here(), "Checksum mismatch for " + archive(here()), "nothing was installed");
    }

    @Test
    void aTruncatedDownloadSaysItBrokeOff() throws Exception {
        mirror.mode(ReleaseMirror.Mode.TRUNCATED);
        assertFailsLeavingNothing(here(), "The download of " + archive(here()), "broke off after", "try again");
    }

    @Test
    void aCaptivePortalsWebPageIsNotAMirror() throws Exception {
        mirror.mode(ReleaseMirror.Mode.HTML);
        assertFailsLeavingNothing(here(), mirror.url() + " is not an Alertmanager release mirror: " + mirror.url()
                + "/v0.33.1/sha256sums.txt answered a web page, not a list of checksums.");
    }

    @Test
    void anUnknownVersionOrPlatformIsNamed() throws Exception {
        assertThatThrownBy(() -> new ReleaseInstaller(http, tools)
                .install(Release.of(Tool.ALERTMANAGER, "9.9.9", here(), mirror.url()), progress::add))
                .hasMessage("No such version: Alertmanager 9.9.9 is not at " + mirror.url() + " (" + mirror.url()
                        + "/v9.9.9/sha256sums.txt answered HTTP 404).");
        assertFailsLeavingNothing(new Platform("linux", "arm64"), "Alertmanager 0.33.1 has no release for linux-arm64",
                "lists no alertmanager-0.33.1.linux-arm64.tar.gz");
    }

    @Test
    void aPrometheusMirrorHasNoAlertmanager() throws Exception {
        // The mirror setting of the other tool pasted by mistake: a Prometheus mirror has no Alertmanager version.
        try (ReleaseMirror prometheus = new ReleaseMirror()) {
            assertThatThrownBy(() -> new ReleaseInstaller(http, tools).install(
                    Release.of(Tool.ALERTMANAGER, VERSION, here(), prometheus.url()), progress::add))
                    .hasMessageStartingWith("No such version: Alertmanager 0.33.1 is not at " + prometheus.url());
        }
        assertThat(toolsContent()).isEmpty();
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
        assertThat(toolsContent()).as("the download in progress").singleElement().asString()
                .startsWith(".partial-").contains("alertmanager-0.33.1");

        installer.cancel();
        worker.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(worker.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(InstallException.Cancelled.class)
                .hasMessage("Cancelled; nothing was installed.");
        assertThat(toolsContent()).isEmpty();
    }

    @Test
    void aLeftoverOfAKilledInstallIsSweptAndPrometheusStays() throws Exception {
        Path leftover = Files.createDirectories(tools.dir().resolve(".partial-" + Integer.MAX_VALUE
                + "-alertmanager-x"));
        Files.writeString(leftover.resolve("half.tar.gz"), "half");
        // An install of the other tool beside it is left alone.
        Path prometheus = Files.createDirectories(tools.dir().resolve("prometheus-3.5.3"));
        Files.writeString(prometheus.resolve("LICENSE"), "kept");

        install(here());

        assertThat(toolsContent()).containsExactly("alertmanager-" + VERSION, "prometheus-3.5.3");
        assertThat(prometheus.resolve("LICENSE")).hasContent("kept");
    }
}
