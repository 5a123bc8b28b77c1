package dev.mlobservatory.console.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.LauncherAccess;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.ReleaseMirror;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code observatory setup prometheus} as a script or a teacher runs it: exit codes, the path as the last line, one
 * line on stderr for a failure, and Ctrl+C (SIGINT) in the middle of a download.
 */
@Timeout(120)
class GetPrometheusCommandTest {

    @TempDir
    Path home;
    private ReleaseMirror mirror;
    private String savedHome;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Process child;

    @BeforeEach
    void setUp() throws Exception {
        mirror = new ReleaseMirror();
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
        if (child != null) {
            child.destroyForcibly();
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
        int code = run("setup", "prometheus", "--mirror", mirror.url());

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
        Path binary = home.resolve("tools/prometheus-3.5.3/prometheus").toAbsolutePath();
        List<String> lines = outLines();
        assertThat(lines.get(lines.size() - 1)).isEqualTo(binary.toString());
        assertThat(binary).isExecutable();
        assertThat(out.toString()).contains("Prometheus 3.5.3 for " + Platform.current() + ": " + mirror.url()
                        + "/v3.5.3/" + ReleaseMirror.archiveName(Platform.current()),
                "Reading the release's checksums", "Downloading: 0.0 MB of", "(100 %)", "Checksum OK. Unpacking",
                "Installed Prometheus 3.5.3 in " + binary.getParent() + " (SHA-256 verified).");
        assertThat(out.toString()).doesNotContain("\r");

        out.getBuffer().setLength(0);
        assertThat(run("setup", "prometheus", "--mirror", mirror.url() + "/")).isZero();
        assertThat(outLines()).endsWith("Prometheus 3.5.3 is already installed in " + binary.getParent()
                + "; reusing it.", binary.toString());
    }

    @Test
    void theSavedMirrorIsUsedWithoutTheOption() throws Exception {
        Files.writeString(home.resolve("settings.properties"), "prometheus.mirror=" + mirror.url() + "\n");
        assertThat(run("setup", "prometheus")).as(err.toString()).isZero();
        assertThat(mirror.requests).contains("/v3.5.3/sha256sums.txt");
    }

    @Test
    void anUnknownVersionIsOneLineOnStderrAndExitCode1() {
        int code = run("setup", "prometheus", "--version", "9.9.9", "--mirror", mirror.url());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly("setup prometheus: No such version: Prometheus 9.9.9 is "
                + "not at " + mirror.url() + " (" + mirror.url() + "/v9.9.9/sha256sums.txt answered HTTP 404).");
        assertThat(outLines()).last().asString().doesNotStartWith("/");
        assertThat(home.resolve("tools/prometheus-9.9.9")).doesNotExist();
    }

    @Test
    void badArgumentsAreExitCode2() {
        assertThat(run("setup", "prometheus", "--version", "latest")).isEqualTo(2);
        assertThat(err.toString()).contains("version must look like 3.5.3, got 'latest'", "--help")
                .doesNotContain("Exception");
        assertThat(run("setup", "prometheus", "--mirror", "ftp://example.org")).isEqualTo(2);
        assertThat(err.toString()).contains("mirror must be an http:// or https:// URL");
        assertThat(run("setup")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required subcommand");
        assertThat(run("setup", "prometheus", "--help")).isZero();
        assertThat(out.toString()).contains("--mirror=URL", "--version=V", "sha256sums.txt");
    }

    @Test
    void ctrlCOrTermMidDownloadLeavesNothingInstalled() throws Exception {
        mirror.mode(ReleaseMirror.Mode.STALLED);
        String java = ProcessHandle.current().info().command().orElse("java");
        child = new ProcessBuilder(java, "-Dobservatory.home=" + home, "-cp", System.getProperty("java.class.path"),
                "dev.mlobservatory.console.Launcher", "setup", "prometheus", "--mirror", mirror.url())
                .redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            seen.append(line).append('\n');
            if (line.startsWith("Downloading:")) {
                break;
            }
        }
        assertThat(seen.toString()).as("the command's output until the download began").contains("Downloading:");
        Path tools = home.resolve("tools");
        LiveStack.await("the first bytes on disk", 30, () -> partialBytes(tools) > 0);

        // SIGTERM runs the same shutdown hook as Ctrl+C's SIGINT. SIGINT itself cannot be used here: a build started
        // in the background (nohup, CI) passes it on ignored, and a JVM keeps ignoring what it was started ignoring.
        // (Process.destroy() would send SIGTERM too, but also close the pipe this test still reads.)
        new ProcessBuilder(Tools.require("kill"), "-TERM", String.valueOf(child.pid())).start().waitFor();
        String rest = lines.lines().collect(Collectors.joining("\n")); // until the JVM is gone
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(rest).contains("setup prometheus: Cancelled; nothing was installed.").doesNotContain("Exception");
        assertThat(child.exitValue()).isNotZero();
        try (var files = Files.list(tools)) {
            assertThat(files).isEmpty();
        }
    }

    /** The bytes in the install's partial folder: the download under way. */
    private static long partialBytes(Path tools) {
        try (var files = Files.walk(tools)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> tools.relativize(p).toString().startsWith(".partial-"))
                    .mapToLong(p -> p.toFile().length()).sum();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0; // not there yet
        }
    }
}
