package dev.mlobservatory.console.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.install.ToolsFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which alertmanager the probe picks: the path set (alertmanager.path), then the newest the console downloaded, then
 * the PATH; one that does not answer {@code --version} is skipped. Binaries here are scripts that answer like it.
 */
class AlertmanagerChoiceTest {

    @TempDir
    Path home;

    private Path script(Path binary, String reports) throws IOException {
        Files.createDirectories(binary.getParent());
        Files.writeString(binary, reports == null ? "#!/bin/sh\nexit 1\n"
                : "#!/bin/sh\necho 'alertmanager, version " + reports + " (branch: HEAD, revision: test)'\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        return binary;
    }

    private Path download(String version) throws IOException {
        return script(home.resolve("tools/alertmanager-" + version + "/alertmanager"), version);
    }

    @Test
    void thePathSetComesFirst() throws IOException {
        download("0.33.1");
        Path set = script(home.resolve("elsewhere/prometheus-alertmanager"), "0.25.0");

        EnvironmentProbe.Found found = EnvironmentProbe.chooseAlertmanager(set.toString(), ToolsFolder.of(home));

        assertThat(found.path()).isEqualTo(set.toString());
        assertThat(found.versionLine()).startsWith("alertmanager, version 0.25.0");
    }

    @Test
    void theNewestDownloadComesNext() throws IOException {
        download("0.27.0");
        Path newest = download("0.33.1");

        EnvironmentProbe.Found found = EnvironmentProbe.chooseAlertmanager("", ToolsFolder.of(home));

        assertThat(found.path()).isEqualTo(newest.toString());
    }

    @Test
    void aBrokenPathSetOrDownloadIsSkipped() throws IOException {
        Path broken = script(home.resolve("elsewhere/alertmanager"), null);
        Path good = download("0.33.1");

        EnvironmentProbe.Found found = EnvironmentProbe.chooseAlertmanager(broken.toString(), ToolsFolder.of(home));

        assertThat(found.path()).isEqualTo(good.toString());
    }

    @Test
    void aPathThatIsGoneFallsBackToTheOthers() throws IOException {
        Path good = download("0.33.1");

        EnvironmentProbe.Found found = EnvironmentProbe.chooseAlertmanager(home.resolve("gone").toString(),
                ToolsFolder.of(home));

        assertThat(found.path()).isEqualTo(good.toString());
    }
}
