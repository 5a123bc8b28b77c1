package dev.mlobservatory.console.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.LauncherAccess;
import dev.mlobservatory.console.testing.ReleaseMirror;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code observatory setup alertmanager} as a script runs it: the same exit codes as {@code setup prometheus}, the
 * path as the last line, one line on stderr for a failure, and its own mirror setting.
 */
@Timeout(120)
class GetAlertmanagerCommandTest {

    @TempDir
    Path home;
    private ReleaseMirror mirror;
    private String savedHome;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        mirror = new ReleaseMirror(Tool.ALERTMANAGER);
        // The command installs into ConsoleSettings.home(): this test's folder, not the build's shared one.
        savedHome = System.getProperty("observatory.home");
        System.setProperty("observatory.home", home.toString());
    }

    @AfterEach
    void tearDown() {
        if (savedHome == null) {
            System.clearProperty("observatory.home");
        } else {
            System.setProperty("observatory.home", savedHome);
        }
        mirror.close();
    }

    private int run(String... args) {
        CommandLine cl = LauncherAccess.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private List<String> outLines() {
        return out.toString().lines().toList();
    }

    @Test
    void installsAndPrintsThePathLastThenReusesIt() throws Exception {
        int code = run("setup", "alertmanager", "--mirror", mirror.url());

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
        Path binary = home.resolve("tools/alertmanager-0.33.1/alertmanager").toAbsolutePath();
        List<String> lines = outLines();
        assertThat(lines.get(lines.size() - 1)).isEqualTo(binary.toString());
        assertThat(binary).isExecutable();
        Platform here = Platform.current(Tool.ALERTMANAGER);
        assertThat(out.toString()).contains("Alertmanager 0.33.1 for " + here + ": " + mirror.url() + "/v0.33.1/"
                        + ReleaseMirror.archiveName(Tool.ALERTMANAGER, here),
                "Reading the release's checksums", "(100 %)", "Checksum OK. Unpacking",
                "Installed Alertmanager 0.33.1 in " + binary.getParent() + " (SHA-256 verified).");

        out.getBuffer().setLength(0);
        assertThat(run("setup", "alertmanager", "--mirror", mirror.url() + "/")).isZero();
        assertThat(outLines()).endsWith("Alertmanager 0.33.1 is already installed in " + binary.getParent()
                + "; reusing it.", binary.toString());
    }

    @Test
    void theSavedAlertmanagerMirrorIsUsedNotPrometheuss() throws Exception {
        Files.writeString(home.resolve("settings.properties"), "prometheus.mirror=http://127.0.0.1:9/unused\n"
                + "alertmanager.mirror=" + mirror.url() + "\n");
        assertThat(run("setup", "alertmanager")).as(err.toString()).isZero();
        assertThat(mirror.requests).contains("/v0.33.1/sha256sums.txt");
    }

    @Test
    void aFailureIsOneLineOnStderrAndExitCode1() {
        mirror.mode(ReleaseMirror.Mode.HTML);
        int code = run("setup", "alertmanager", "--mirror", mirror.url());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly("setup alertmanager: " + mirror.url() + " is not an "
                + "Alertmanager release mirror: " + mirror.url() + "/v0.33.1/sha256sums.txt answered a web page, not "
                + "a list of checksums.");
        assertThat(outLines()).last().asString().doesNotStartWith("/");
        assertThat(home.resolve("tools/alertmanager-0.33.1")).doesNotExist();
    }

    @Test
    void badArgumentsAreExitCode2AndHelpSaysWhatItDoes() {
        assertThat(run("setup", "alertmanager", "--version", "latest")).isEqualTo(2);
        assertThat(err.toString()).contains("version must look like 0.33.1, got 'latest'", "--help")
                .doesNotContain("Exception");
        assertThat(run("setup", "alertmanager", "--mirror", "ftp://example.org")).isEqualTo(2);
        assertThat(err.toString()).contains("mirror must be an http:// or https:// URL");
        assertThat(run("setup", "alertmanager", "--help")).isZero();
        assertThat(out.toString()).contains("--mirror=URL", "--version=V", "default 0.33.1", "alertmanager.mirror",
                "<home>/tools/alertmanager-<version>/");
        out.getBuffer().setLength(0);
        assertThat(run("setup", "--help")).isZero();
        assertThat(out.toString()).contains("prometheus", "alertmanager");
    }
}
