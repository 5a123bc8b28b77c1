package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.testing.LiveStack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second JVM plays the console: stopped with SIGTERM it leaves nothing behind (the shutdown hook); killed with
 * SIGKILL it leaves its child and data folder, which the next console removes — and only those.
 */
@Timeout(120)
class ConsoleCrashTest {

    @TempDir
    Path home;
    private Process console;
    private ProcessHandle child;

    @AfterEach
    void cleanUp() {
        if (console != null) {
            console.destroyForcibly();
        }
        if (child != null) {
            child.destroyForcibly();
        }
    }

    /** Starts the stand-in console and returns the folder it owns, once it said it is ready. */
    private Path startConsole() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        console = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ConsoleStandIn.class.getName(), home.toString(), Tools.require("sleep"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(console.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine(); // blocks until ready, or null if the JVM died
        assertThat(line).as("the stand-in console's first line").startsWith("ready ");
        String[] parts = line.split(" ", 3);
        child = ProcessHandle.of(Long.parseLong(parts[1])).orElseThrow();
        return Path.of(parts[2]);
    }

    @Test
    void sigtermStopsTheChildAndRemovesTheFolder() throws Exception {
        Path folder = startConsole();
        assertThat(folder).isDirectory();

        console.destroy(); // SIGTERM: the shutdown hook runs
        assertThat(console.waitFor(30, TimeUnit.SECONDS)).isTrue();

        LiveStack.await("the child stopped", 10, () -> !child.isAlive());
        assertThat(folder).doesNotExist();
        try (var records = Files.list(home.resolve(ChildProcesses.RECORDS))) {
            assertThat(records).isEmpty();
        }
    }

    @Test
    void afterSigkillTheNextConsoleStopsTheOrphanAndRemovesItsFolder() throws Exception {
        Path folder = startConsole();
        console.destroyForcibly(); // SIGKILL: no hook runs
        assertThat(console.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.isAlive()).as("the orphan, before the next console").isTrue();
        assertThat(folder).isDirectory();

        ChildProcesses next = new ChildProcesses(home);
        try {
            assertThat(next.reapLeftovers()).isEqualTo(1);
            assertThat(DataDirs.sweepOrphans(home)).isEqualTo(1);
        } finally {
            next.close();
        }
        LiveStack.await("the orphan stopped", 10, () -> !child.isAlive());
        assertThat(folder).doesNotExist();
        assertThat(Optional.ofNullable(home.resolve(ChildProcesses.RECORDS).toFile().list()).orElse(new String[0]))
                .isEmpty();
    }
}
