package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data folders carry their owner in their name: a gone console's are swept, a running one's are kept. */
class DataDirsTest {

    @TempDir
    Path home;
    @TempDir
    Path fallback;

    @Test
    void orphansAreRemovedAndARunningConsolesFolderIsKept() throws Exception {
        Process p = new ProcessBuilder(Tools.require("sleep"), "60").start();
        Owner dead = Owner.of(p.toHandle()).orElseThrow();
        p.destroyForcibly();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();

        Path mine = DataDirs.create(home, Owner.current(), line -> { });
        Path orphan = DataDirs.create(home, dead, line -> { });
        Files.createDirectories(orphan.resolve("data/wal"));
        Files.writeString(orphan.resolve("data/wal/00000000"), "x");
        Path earlierVersion = Files.createDirectory(home.resolve("prometheus-1234567890"));
        Path unrelated = Files.createDirectory(home.resolve("notes"));

        assertThat(DataDirs.sweepOrphans(home)).isEqualTo(2);

        assertThat(mine).isDirectory();
        assertThat(unrelated).isDirectory();
        assertThat(orphan).doesNotExist();
        assertThat(earlierVersion).doesNotExist();
        assertThat(mine.getFileName().toString()).startsWith("prometheus-" + Owner.current().key() + "-");
    }

    @Test
    void aHomeThatCannotBeWrittenFallsBackAndSaysSo() throws Exception {
        // A path under a regular file can never be created, even by root (who ignores permission bits).
        Path file = Files.writeString(home.resolve("not-a-folder"), "");
        Path unwritable = file.resolve("home");
        List<String> log = new ArrayList<>();

        Path dir = DataDirs.create(unwritable, fallback, Owner.current(), log::add);

        assertThat(dir.getParent()).isEqualTo(fallback);
        assertThat(dir).isDirectory();
        assertThat(log).singleElement().asString()
                .contains(unwritable.toString()).contains("cannot be written").contains(dir.toString());
    }
}
