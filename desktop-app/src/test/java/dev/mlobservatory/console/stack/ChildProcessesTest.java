package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Children are recorded, stopped on close, and those of a crashed run are stopped by the next one. */
class ChildProcessesTest {

    @TempDir
    Path dir;

    @Test
    void closeStopsEveryChild() throws Exception {
        ChildProcesses children = new ChildProcesses(dir.resolve("children.pid"));
        Process p = children.start(new ProcessBuilder(Tools.require("sleep"), "60"));
        assertThat(Files.readString(dir.resolve("children.pid"))).contains(String.valueOf(p.pid()));

        children.close();

        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(dir.resolve("children.pid"))).isFalse();
    }

    @Test
    void leftoversOfACrashedRunAreStoppedByTheNextRun() throws Exception {
        Path pidFile = dir.resolve("children.pid");
        ChildProcesses crashed = new ChildProcesses(pidFile);
        Process orphan = crashed.start(new ProcessBuilder(Tools.require("sleep"), "60"));

        ChildProcesses next = new ChildProcesses(pidFile);
        int stopped = next.reapLeftovers();

        assertThat(stopped).isEqualTo(1);
        assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).isTrue();
        crashed.close();
        next.close();
    }

    @Test
    void aReusedPidOfAnotherProgramIsLeftAlone() throws Exception {
        Path pidFile = dir.resolve("children.pid");
        Process other = new ProcessBuilder(Tools.require("sleep"), "60").start();
        try {
            Files.writeString(pidFile, other.pid() + "\t/usr/bin/prometheus\n");
            ChildProcesses next = new ChildProcesses(pidFile);

            assertThat(next.reapLeftovers()).isZero();
            assertThat(other.isAlive()).isTrue();
            next.close();
        } finally {
            other.destroyForcibly();
        }
    }
}
