package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.testing.LiveStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Children are recorded with their start instants, stopped on close, and those of a console that is gone are
 * stopped by the next one; a console that still runs keeps its own, and no process a console did not start is
 * ever stopped. Real processes ({@code sleep}) throughout.
 */
class ChildProcessesTest {

    @TempDir
    Path dir;
    /** Processes the test started outside any console: stopped after each test whatever happened. */
    private final List<Process> strangers = new ArrayList<>();

    @AfterEach
    void killStrangers() {
        strangers.forEach(Process::destroyForcibly);
    }

    private Process sleeper() throws IOException {
        Process p = new ProcessBuilder(Tools.require("sleep"), "60").start();
        strangers.add(p);
        return p;
    }

    /** The identity of a process that has ended: a console that crashed. */
    private Owner deadConsole() throws Exception {
        Process p = sleeper();
        Owner owner = Owner.of(p.toHandle()).orElseThrow();
        p.destroyForcibly();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return owner;
    }

    private List<Path> records() throws IOException {
        Path records = dir.resolve(ChildProcesses.RECORDS);
        if (!Files.isDirectory(records)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(records)) {
            return files.toList();
        }
    }

    @Test
    void closeStopsEveryChildAndRemovesItsRecord() throws Exception {
        ChildProcesses children = new ChildProcesses(dir);
        Process p = children.start(new ProcessBuilder(Tools.require("sleep"), "60"));
        assertThat(records()).hasSize(1);
        assertThat(Files.readString(records().get(0))).startsWith(p.pid() + "\t"
                + p.toHandle().info().startInstant().orElseThrow().toEpochMilli() + "\t");

        children.close();

        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(records()).isEmpty();
    }

    @Test
    void leftoversOfAConsoleThatDiedAreStoppedByTheNextOne() throws Exception {
        ChildProcesses crashed = new ChildProcesses(dir, deadConsole());
        Process orphan = crashed.start(new ProcessBuilder(Tools.require("sleep"), "60"));
        strangers.add(orphan);

        ChildProcesses next = new ChildProcesses(dir);
        try {
            assertThat(next.reapLeftovers()).isEqualTo(1);
            assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(records()).isEmpty();
        } finally {
            next.close();
        }
    }

    @Test
    void twoConsolesSharingAFolderNeverTouchEachOthersChildren() throws Exception {
        // The first console is another live process (a sleep stands in for its JVM).
        Owner firstConsole = Owner.of(sleeper().toHandle()).orElseThrow();
        ChildProcesses first = new ChildProcesses(dir, firstConsole);
        Process firstsPrometheus = first.start(new ProcessBuilder(Tools.require("sleep"), "60"));
        strangers.add(firstsPrometheus);

        ChildProcesses second = new ChildProcesses(dir);
        Process secondsPrometheus = second.start(new ProcessBuilder(Tools.require("sleep"), "60"));
        assertThat(second.reapLeftovers()).isZero();
        assertThat(firstsPrometheus.isAlive()).isTrue();
        assertThat(records()).hasSize(2);

        second.close();
        assertThat(secondsPrometheus.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(firstsPrometheus.isAlive()).as("the first console's child after the second closed").isTrue();
        assertThat(records()).hasSize(1);

        // A third console, started while the first still runs, leaves it alone too.
        ChildProcesses third = new ChildProcesses(dir);
        assertThat(third.reapLeftovers()).isZero();
        assertThat(firstsPrometheus.isAlive()).isTrue();
        third.close();
        first.close();
        assertThat(firstsPrometheus.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aProcessNoConsoleStartedIsNeverStoppedEvenWhenItsPidIsInARecord() throws Exception {
        Process other = sleeper();
        long start = other.toHandle().info().startInstant().orElseThrow().toEpochMilli();
        String command = other.toHandle().info().command().orElseThrow();
        Owner dead = deadConsole();
        Files.createDirectories(dir.resolve(ChildProcesses.RECORDS));
        // Its pid and command, but another start instant: the pid was reused.
        Files.writeString(dir.resolve(ChildProcesses.RECORDS).resolve(dead.key() + "-aaaaaaaa.tsv"),
                other.pid() + "\t" + (start - 60_000) + "\t" + command + "\n"
                        + "garbage line\n"
                        + other.pid() + "\t0\t" + command + "\n");
        // The single pid file of earlier versions, which cannot be verified.
        Files.writeString(dir.resolve("children.pid"), other.pid() + "\t" + command + "\n");

        ChildProcesses next = new ChildProcesses(dir);
        try {
            assertThat(next.reapLeftovers()).isZero();
            assertThat(other.isAlive()).isTrue();
            assertThat(records()).as("the dead console's record is forgotten").isEmpty();
        } finally {
            next.close();
        }
    }

    @Test
    void aKilledChildDropsOutAndNothingIsWrittenAfterClose() throws Exception {
        ChildProcesses children = new ChildProcesses(dir);
        Process p = children.start(new ProcessBuilder(Tools.require("sleep"), "60"));
        p.toHandle().destroyForcibly();
        LiveStack.await("the killed child to drop out", 10, () -> children.alive().isEmpty());

        children.close();
        assertThat(records()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> children.start(new ProcessBuilder("true")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closing");
    }
}
