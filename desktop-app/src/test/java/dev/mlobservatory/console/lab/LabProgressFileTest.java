package dev.mlobservatory.console.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress file: saved and read back per user, reset for one user only, a broken file kept aside. */
class LabProgressFileTest {

    private static final Instant T1 = Instant.parse("2026-11-30T05:40:12Z");
    private static final Instant T2 = Instant.parse("2026-11-30T05:44:03Z");

    @TempDir
    Path home;

    private LabProgressFile file(String user) {
        return new LabProgressFile(home.resolve(LabProgressFile.NAME), user);
    }

    private long filesInHome() throws Exception {
        try (Stream<Path> s = Files.list(home)) {
            return s.count();
        }
    }

    @Test
    void noFileIsAFreshStartWithoutAProblem() {
        LabProgressFile.Loaded loaded = file("alice").load();
        assertThat(loaded.green()).isEmpty();
        assertThat(loaded.problem()).isEmpty();
    }

    @Test
    void greenStepsAreReadBackWithTheirTimesAndNoTemporaryFileIsLeft() throws Exception {
        file("alice").markGreen("metrics", T1);
        file("alice").markGreen("targets", T2.plusMillis(400));

        LabProgressFile.Loaded loaded = file("alice").load();
        assertThat(loaded.green()).isEqualTo(Map.of("metrics", T1, "targets", T2));
        assertThat(loaded.problem()).isEmpty();
        assertThat(filesInHome()).as("only lab-progress.json").isEqualTo(1);
        assertThat(Files.readString(home.resolve(LabProgressFile.NAME))).contains("\"alice\"", "2026-11-30T05:40:12Z");
    }

    @Test
    void twoUsersKeepTheirOwnProgressAndAResetForgetsOnlyOne() throws Exception {
        file("alice").markGreen("metrics", T1);
        file("bob").markGreen("targets", T2);

        assertThat(file("alice").load().green()).isEqualTo(Map.of("metrics", T1));
        assertThat(file("bob").load().green()).isEqualTo(Map.of("targets", T2));

        file("alice").reset();
        assertThat(file("alice").load().green()).isEmpty();
        assertThat(file("bob").load().green()).isEqualTo(Map.of("targets", T2));
    }

    @Test
    void aBrokenFileIsKeptAsideNamedInTheMessageAndProgressStartsAfresh() throws Exception {
        Path progress = home.resolve(LabProgressFile.NAME);
        Files.writeString(progress, "{\"users\": {\"alice\": {\"metrics\": ");

        LabProgressFile.Loaded loaded = file("alice").load();

        assertThat(loaded.green()).isEmpty();
        Path aside;
        try (Stream<Path> s = Files.list(home)) {
            aside = s.filter(p -> p.getFileName().toString().startsWith(LabProgressFile.NAME + ".broken-"))
                    .findFirst().orElseThrow();
        }
        assertThat(Files.readString(aside)).isEqualTo("{\"users\": {\"alice\": {\"metrics\": ");
        assertThat(loaded.problem()).startsWith("The lab progress file could not be read, so progress starts afresh.")
                .contains(aside.toString());
        assertThat(progress).doesNotExist();

        file("alice").markGreen("metrics", T1);
        assertThat(file("alice").load().green()).isEqualTo(Map.of("metrics", T1));
    }

    @Test
    void aFileOfTheWrongShapeOrWithABadTimeIsBrokenToo() throws Exception {
        Path progress = home.resolve(LabProgressFile.NAME);
        Files.writeString(progress, "[1, 2]");
        assertThat(file("alice").load().problem()).startsWith("The lab progress file could not be read");

        Files.writeString(progress, "{\"users\": {\"alice\": {\"metrics\": \"yesterday\"}}}");
        assertThat(file("alice").load().problem()).startsWith("The lab progress file could not be read");
        assertThat(filesInHome()).as("both broken files kept aside, under two names").isEqualTo(2);
    }
}
