package dev.mlobservatory.console.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.install.ToolsFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which prometheus the probe picks: the path set first, then the newer of the newest download that runs and the one
 * on the PATH (the download on a tie), each with where it came from. Downloads here are scripts that answer
 * {@code --version} like the real binary.
 */
class PrometheusChoiceTest {

    @TempDir
    Path home;

    private ToolsFolder tools() {
        return ToolsFolder.of(home);
    }

    /** A fake download of {@code folderVersion} whose {@code --version} says {@code reports} (exit 1 when null). */
    private Path download(String folderVersion, String reports) throws IOException {
        Path dir = Files.createDirectories(home.resolve("tools/prometheus-" + folderVersion));
        Path binary = dir.resolve("prometheus");
        Files.writeString(binary, reports == null ? "#!/bin/sh\nexit 1\n"
                : "#!/bin/sh\necho 'prometheus, version " + reports + " (branch: HEAD, revision: test)'\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        return binary;
    }

    @Test
    void aNewerDownloadBeatsThePath() throws IOException {
        Tools.require("prometheus");
        download("1.0.0", "1.0.0");
        Path newest = download("99.1.0", "99.1.0");

        EnvironmentProbe.Choice c = EnvironmentProbe.choosePrometheus("", tools());

        assertThat(c.found().path()).isEqualTo(newest.toString());
        assertThat(c.found().source()).isEqualTo(PrometheusSource.DOWNLOADED);
        assertThat(c.found().versionLine()).startsWith("prometheus, version 99.1.0");
        assertThat(c.note()).isNull();
    }

    @Test
    void anOlderDownloadLosesToThePath() throws IOException {
        String onPath = firstOnPath();
        download("0.1.0", "0.1.0");

        EnvironmentProbe.Choice c = EnvironmentProbe.choosePrometheus(null, tools());

        assertThat(c.found().path()).isEqualTo(onPath);
        assertThat(c.found().source()).isEqualTo(PrometheusSource.PATH);
    }

    @Test
    void aDownloadThatDoesNotRunIsPassedOver() throws IOException {
        Tools.require("prometheus");
        Path runs = download("98.0.0", "98.0.0");
        download("99.0.0", null);

        assertThat(EnvironmentProbe.choosePrometheus("", tools()).found().path()).isEqualTo(runs.toString());
    }

    @Test
    void onATieTheDownloadWins() throws Exception {
        String onPath = firstOnPath();
        String line = EnvironmentProbe.run(java.util.List.of(onPath, "--version")).lines().findFirst().orElseThrow();
        // The same version as the PATH's, whatever that is here.
        Path same = download("3.5.3", line.replaceFirst("^prometheus, version ", ""));

        assertThat(EnvironmentProbe.choosePrometheus("", tools()).found().path()).isEqualTo(same.toString());
    }

    @Test
    void thePathSetWinsAndAGoneOneNamesTheFallback() throws IOException {
        Path downloaded = download("99.0.0", "99.0.0");
        Path chosen = download("0.0.1", "0.0.1");

        EnvironmentProbe.Choice set = EnvironmentProbe.choosePrometheus(chosen.toString(), tools());
        assertThat(set.found().path()).isEqualTo(chosen.toString());
        assertThat(set.found().source()).isEqualTo(PrometheusSource.SETTINGS);

        Path gone = home.resolve("moved/prometheus");
        EnvironmentProbe.Choice fallback = EnvironmentProbe.choosePrometheus(gone.toString(), tools());
        assertThat(fallback.found().path()).isEqualTo(downloaded.toString());
        assertThat(fallback.note()).isEqualTo("The prometheus path in Settings, " + gone + ", does not exist; using "
                + downloaded + " downloaded by the console instead.");
    }

    /**
     * The prometheus the console finds on the PATH: the first one there. Not {@code Tools.require}, whose newest may
     * be the unpacked 3.5 in .tools, which is on the PATH only when .ci/run puts it there.
     */
    private static String firstOnPath() {
        Tools.require("prometheus"); // skips locally, fails on CI, when there is none at all
        String first = Tools.find("prometheus");
        org.junit.jupiter.api.Assumptions.assumeTrue(first != null, "no prometheus on the PATH");
        return first;
    }
}
