package dev.mlobservatory.console.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's log file: every line kept, rotated by size, the last problems remembered for diagnostics. */
class LogFileTest {

    @TempDir
    Path dir;

    private static void println(LogFile log, String line) {
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        out.println(line);
        out.flush();
    }

    @Test
    void linesGoToTheFileAndWarningsAndErrorsAreRemembered() throws Exception {
        Path file = dir.resolve("logs/console.log");
        try (LogFile log = new LogFile(file, 1_000_000)) {
            println(log, "2026-11-29T20:00:00.000+0000 INFO ConsoleApp - window shown");
            println(log, "2026-11-29T20:00:01.000+0000 WARN StackModel - Prometheus at x stopped answering");
            println(log, "WARNING: Unsupported JavaFX configuration");
            println(log, "2026-11-29T20:00:02.000+0000 ERROR ErrorMapper - POST /v1/predict failed");

            assertThat(Files.readAllLines(file)).hasSize(4).first().asString().contains("window shown");
            assertThat(log.recentProblems()).hasSize(3)
                    .allSatisfy(l -> assertThat(l).doesNotContain("INFO"))
                    .last().asString().contains("ERROR ErrorMapper");
        }
    }

    @Test
    void theFileRotatesBySizeKeepingThreeOlderOnes() throws Exception {
        Path file = dir.resolve("console.log");
        try (LogFile log = new LogFile(file, 100)) {
            for (int i = 0; i < 20; i++) {
                println(log, String.format("line %02d %s", i, "x".repeat(40))); // 49 bytes: two per file
            }
        }
        assertThat(Files.readString(file)).contains("line 18", "line 19").doesNotContain("line 17");
        assertThat(Files.readString(dir.resolve("console.1.log"))).contains("line 16", "line 17");
        assertThat(Files.readString(dir.resolve("console.3.log"))).contains("line 12", "line 13");
        assertThat(dir.resolve("console.4.log")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("console.log", "console.1.log", "console.2.log", "console.3.log");
        }
    }

    @Test
    void aFolderThatCannotBeWrittenGivesNoFileAndNoCrash() throws Exception {
        Path notADir = Files.writeString(dir.resolve("a-file"), "");
        PrintStream before = System.err;
        try {
            assertThat(LogFile.install(notADir)).isNull();
            assertThat(System.err).isSameAs(before);
        } finally {
            System.setErr(before);
        }
    }
}
