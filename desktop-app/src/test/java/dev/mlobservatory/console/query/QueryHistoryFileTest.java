package dev.mlobservatory.console.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history on disk: what survives a restart, and that a bad file is an empty history, not a crash. */
class QueryHistoryFileTest {

    @TempDir
    Path home;

    private ScheduledExecutorService executor;

    @BeforeEach
    void startExecutor() {
        executor = AppExecutor.create();
    }

    @AfterEach
    void stopExecutor() {
        AppExecutor.shutdown(executor);
    }

    /** No Prometheus needed: a query joins the history before it is sent. */
    private QueryModel model(Path file) {
        return new QueryModel(executor, FxThread.direct(), new SimpleObjectProperty<PrometheusClient>(), file);
    }

    private static void run(QueryModel m, String promql) throws Exception {
        m.queryProperty().set(promql);
        m.run().get(10, TimeUnit.SECONDS);
        m.historySaved().get(10, TimeUnit.SECONDS);
    }

    @Test
    void historySurvivesARestartIncludingMultiLineQueriesAndBackslashes() throws Exception {
        Path file = home.resolve("query-history.txt");
        QueryModel first = model(file);
        assertThat(first.history()).isEmpty();
        run(first, "up");
        run(first, "sum by (job) (\n  rate(up[5m])\n)");
        run(first, "{__name__=~\"ml_.*\\\\d\"}");

        QueryModel second = model(file);
        assertThat(second.history()).containsExactly(
                "{__name__=~\"ml_.*\\\\d\"}", "sum by (job) (\n  rate(up[5m])\n)", "up");
        assertThat(Files.readAllLines(file)).hasSize(3);
    }

    @Test
    void onlyTheNewestHundredAreKept() throws Exception {
        Path file = home.resolve("query-history.txt");
        QueryModel m = model(file);
        for (int i = 0; i < 130; i++) {
            run(m, "q" + i);
        }
        List<String> saved = new HistoryFile(file).load();
        assertThat(saved).hasSize(QueryHistory.DEFAULT_CAPACITY).startsWith("q129").endsWith("q30");
        assertThat(model(file).history()).isEqualTo(saved);
    }

    @Test
    void escapingRoundTrips() {
        for (String q : List.of("a\\nb", "a\nb", "\r\n", "\\", "x\\\\n", "sum(rate(up[1m]))")) {
            assertThat(HistoryFile.encode(q)).doesNotContain("\n", "\r");
            assertThat(HistoryFile.decode(HistoryFile.encode(q))).isEqualTo(q);
        }
    }

    @Test
    void corruptOrUnreadableFileIsAnEmptyHistory() throws Exception {
        Path badEscape = home.resolve("escape.txt");
        Files.writeString(badEscape, "up\nrate(\\x)\n");
        assertThat(model(badEscape).history()).isEmpty();

        Path loneBackslash = home.resolve("lone.txt");
        Files.writeString(loneBackslash, "up\\\n");
        assertThat(model(loneBackslash).history()).isEmpty();

        Path binary = home.resolve("binary.txt");
        Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0});
        assertThat(model(binary).history()).isEmpty();

        Path directory = Files.createDirectory(home.resolve("a-folder.txt"));
        QueryModel m = model(directory);
        assertThat(m.history()).isEmpty();
        run(m, "up"); // the write fails, is logged, and the session's history still works
        assertThat(m.history()).containsExactly("up");

        assertThat(model(home.resolve("missing.txt")).history()).isEmpty();
    }

    @Test
    void savedFileIsValidUtf8AndSkipsBlankLinesAndConsecutiveRepeats() throws Exception {
        Path file = home.resolve("query-history.txt");
        Files.writeString(file, "rate(ml_predictions_total[1m]) # café\n\nup\nup\n", StandardCharsets.UTF_8);
        assertThat(model(file).history()).containsExactly("rate(ml_predictions_total[1m]) # café", "up");
        assertThat(new HistoryFile(file).load()).hasSize(3); // the file itself is only read, not rewritten
    }
}
