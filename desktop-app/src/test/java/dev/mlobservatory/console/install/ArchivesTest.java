package dev.mlobservatory.console.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlobservatory.api.testing.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tar reader on archives the system's tar writes in each of its formats, and the guard against entries that
 * point outside the target, in tar and in zip.
 */
class ArchivesTest {

    private static final Set<String> KEEP = Set.of("prometheus", "promtool", "LICENSE");

    @TempDir
    Path dir;

    private Path tar(String format, String top, String... extra) throws Exception {
        Path stage = Files.createDirectories(dir.resolve("stage"));
        Path folder = Files.createDirectories(stage.resolve(top));
        // Over 512 bytes and not a multiple of it: the padding between entries is exercised.
        Files.writeString(folder.resolve("prometheus"), "p".repeat(1500));
        Files.writeString(folder.resolve("promtool"), "t".repeat(700));
        Files.writeString(folder.resolve("LICENSE"), "Apache-2.0");
        Files.writeString(folder.resolve("prometheus.yml"), "global: {}");
        Path deep = Files.createDirectories(folder.resolve("deeper"));
        Files.writeString(deep.resolve("prometheus"), "not this one: two folders down");
        Path archive = dir.resolve(format + ".tar.gz");
        String[] command = new String[7 + extra.length];
        System.arraycopy(new String[] {Tools.require("tar"), "--format=" + format, "-czf", archive.toString(), "-C",
                stage.toString(), top}, 0, command, 0, 7);
        System.arraycopy(extra, 0, command, 7, extra.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return archive;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "pax", "ustar", "oldgnu"})
    void eachTarFormatUnpacksTheWantedFilesOnly(String format) throws Exception {
        // Names over 100 bytes: GNU writes a long-name entry, pax a path record, ustar splits off a prefix.
        String top = "prometheus-3.5.3.linux-amd64-" + "x".repeat(format.equals("ustar") ? 70 : 110);
        Path target = dir.resolve("out");

        Set<String> written = Archives.extract(tar(format, top), false, target, KEEP, () -> false);

        assertThat(written).containsExactlyInAnyOrder("prometheus", "promtool", "LICENSE");
        assertThat(Files.readString(target.resolve("prometheus"))).isEqualTo("p".repeat(1500));
        assertThat(Files.readString(target.resolve("promtool"))).isEqualTo("t".repeat(700));
        try (var files = Files.list(target)) {
            assertThat(files).hasSize(3);
        }
    }

    @Test
    void aTarEntryThatStepsOutFailsTheArchive() throws Exception {
        Files.writeString(dir.resolve("evil"), "x");
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Path archive = dir.resolve("evil.tar.gz");
        // -P keeps the leading ../ that tar would otherwise strip: what a hostile archive has.
        Process p = new ProcessBuilder(Tools.require("tar"), "-P", "-czf", archive.toString(), "-C", sub.toString(),
                "../evil").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        Path target = dir.resolve("out/inner");

        assertThatThrownBy(() -> Archives.extract(archive, false, target, Set.of("evil"), () -> false))
                .isInstanceOf(InstallException.class)
                .hasMessage("evil.tar.gz has an entry that points outside its folder ('../evil'); nothing was installed.");
        assertThat(dir.resolve("out/evil")).doesNotExist();
    }

    @Test
    void aZipEntryThatStepsOutFailsTheArchive() throws IOException {
        Path zip = dir.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("prometheus-3.5.3.windows-amd64/prometheus.exe"));
            out.write(1);
            out.putNextEntry(new ZipEntry("prometheus-3.5.3.windows-amd64/../../prometheus.exe"));
            out.write(2);
        }
        Path target = dir.resolve("out/inner");

        assertThatThrownBy(() -> Archives.extract(zip, true, target, Set.of("prometheus.exe"), () -> false))
                .hasMessageContaining("points outside its folder");
        assertThat(dir.resolve("out/prometheus.exe")).doesNotExist();
        assertThat(dir.resolve("prometheus.exe")).doesNotExist();
    }

    @Test
    void namesAreCheckedBeforeAnythingIsKept() throws InstallException {
        Path a = Path.of("a.zip");
        assertThat(Archives.wanted("prometheus-3.5.3.linux-amd64/prometheus", KEEP, a)).isEqualTo("prometheus");
        assertThat(Archives.wanted("./prometheus-3.5.3.linux-amd64/promtool", KEEP, a)).isEqualTo("promtool");
        assertThat(Archives.wanted("prometheus", KEEP, a)).isEqualTo("prometheus");
        assertThat(Archives.wanted("prometheus-3.5.3.linux-amd64/", KEEP, a)).isNull();
        assertThat(Archives.wanted("prometheus-3.5.3.linux-amd64/prometheus.yml", KEEP, a)).isNull();
        assertThat(Archives.wanted("a/b/prometheus", KEEP, a)).isNull();
        for (String bad : new String[] {"/etc/prometheus", "..", "../prometheus", "a/../../prometheus",
                "a\\..\\..\\prometheus", "C:\\Windows\\prometheus", "c:/prometheus"}) {
            assertThatThrownBy(() -> Archives.wanted(bad, KEEP, a)).as(bad).isInstanceOf(InstallException.class);
        }
    }

    @Test
    void notATarArchiveIsSaid() throws IOException {
        Path fake = dir.resolve("fake.tar.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(fake))) {
            out.write("<html>this is no tar</html>".repeat(40).getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> Archives.extract(fake, false, dir.resolve("out"), KEEP, () -> false))
                .isInstanceOf(IOException.class).hasMessageContaining("not a tar archive");
    }

    @Test
    void paxRecordsAreParsedByTheirLength() throws IOException {
        byte[] records = "30 path=a/very/long/name/here\n11 size=42\n".getBytes(StandardCharsets.UTF_8);
        assertThat(TarReader.paxRecords(records)).containsEntry("path", "a/very/long/name/here").containsEntry("size", "42");
        assertThatThrownBy(() -> TarReader.paxRecords("99 path=x\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}
