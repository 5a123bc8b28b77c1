package dev.mlobservatory.console.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which archive, from where, for which machine: the names Prometheus publishes under. */
class ReleaseTest {

    @Test
    void javasNamesMapToPrometheusNames() throws InstallException {
        assertThat(Platform.of("Linux", "amd64")).hasToString("linux-amd64");
        assertThat(Platform.of("Linux", "aarch64")).hasToString("linux-arm64");
        assertThat(Platform.of("Mac OS X", "aarch64")).hasToString("darwin-arm64");
        assertThat(Platform.of("Mac OS X", "x86_64")).hasToString("darwin-amd64");
        assertThat(Platform.of("Windows 11", "amd64")).hasToString("windows-amd64");
        assertThat(Platform.of("Windows 11", "amd64").executable("prometheus")).isEqualTo("prometheus.exe");
        assertThatThrownBy(() -> Platform.of("SunOS", "sparcv9")).isInstanceOf(InstallException.class)
                .hasMessageStartingWith("Prometheus cannot be downloaded for this machine (SunOS, sparcv9)");
        assertThatThrownBy(() -> Platform.of("Linux", "x86")).hasMessageContaining("(Linux, x86)");
        assertThatThrownBy(() -> new Platform("freebsd", "amd64")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("os must be one of linux, darwin, windows, got 'freebsd'");
    }

    @Test
    void theOfficialLayoutAndAMirrorsAreTheSame() {
        Release github = Release.of("3.5.3", new Platform("linux", "amd64"), null);
        assertThat(github.archiveUrl()).hasToString("https://github.com/prometheus/prometheus/releases/download/"
                + "v3.5.3/prometheus-3.5.3.linux-amd64.tar.gz");
        assertThat(github.checksumsUrl()).hasToString("https://github.com/prometheus/prometheus/releases/download/"
                + "v3.5.3/sha256sums.txt");
        Release mirror = Release.of("3.5.3", new Platform("windows", "arm64"), "http://teacher-laptop:8000/prom/");
        assertThat(mirror.archiveUrl()).hasToString("http://teacher-laptop:8000/prom/v3.5.3/"
                + "prometheus-3.5.3.windows-arm64.zip");
        assertThat(Release.DEFAULT_VERSION).isEqualTo("3.5.3");
    }

    @Test
    void versionsAndMirrorsAreChecked() {
        Platform p = new Platform("linux", "amd64");
        assertThat(Release.of("3.6.0-rc.0", p, "").version()).isEqualTo("3.6.0-rc.0");
        for (String bad : new String[] {"latest", "3.5", "../3.5.3", "3.5.3/../../x", "v3.5.3", ""}) {
            assertThatThrownBy(() -> Release.of(bad, p, null)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("version must look like 3.5.3");
        }
        assertThatThrownBy(() -> Release.of("3.5.3", p, "file:///srv/mirror"))
                .hasMessage("mirror must be an http:// or https:// URL, got 'file:///srv/mirror'");
    }

    @Test
    void versionsCompareByNumber() {
        assertThat(Version.find("prometheus, version 2.42.0+ds (branch: debian/sid)")).contains(new Version(2, 42, 0));
        assertThat(Version.find("3.10.0").orElseThrow()).isGreaterThan(Version.find("3.9.9").orElseThrow());
        assertThat(Version.find("no version here")).isEmpty();
    }
}
