package dev.mlobservatory.console.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.SerialFx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lab model with checks that answer on cue: a passing check turns its step green for good and saves it, the
 * next step is one click away, a skipped step says so, a reset starts again, and saved progress comes back.
 */
class LabModelTest {

    private static final Instant NOW = Instant.parse("2026-11-30T05:50:00Z");

    @TempDir
    Path home;

    private final SerialFx fx = new SerialFx();
    private final ScheduledExecutorService executor = AppExecutor.create();
    private final Map<String, LabCheckResult> answers = new ConcurrentHashMap<>();
    private LabProgressFile file;
    private LabModel model;

    @BeforeEach
    void setUp() {
        file = new LabProgressFile(home.resolve(LabProgressFile.NAME), "alice");
        for (LabStep s : LabSteps.bundled()) {
            answers.put(s.id(), LabCheckResult.notYet(s.id() + " not yet"));
        }
    }

    @AfterEach
    void tearDown() {
        if (model != null) {
            model.stop();
        }
        AppExecutor.shutdown(executor);
    }

    private void startModel() throws Exception {
        Map<String, LabCheck> cued = new HashMap<>();
        for (LabStep s : LabSteps.bundled()) {
            cued.put(s.id(), c -> answers.get(s.id()));
        }
        // An hour between automatic checks: the test runs each check itself.
        model = new LabModel(executor, fx, LabSteps.bundled(), new LabChecks(null, cued), file,
                () -> LabContext.NOTHING, Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));
        model.start();
        LiveStack.await("the first check's answer", 10, fx.holds(() -> model.resultProperty().get() != null));
    }

    private List<LabRow.Status> statuses() {
        return fx.read(() -> model.rows().stream().map(LabRow::status).toList());
    }

    private void onFx(Runnable action) {
        fx.run(action);
    }

    @Test
    void aPassingCheckTurnsTheStepGreenSavesItAndNextShowsTheFollowingStep() throws Exception {
        startModel();
        assertThat(fx.read(() -> model.resultProperty().get().message())).isEqualTo("metrics not yet");
        assertThat(statuses()).first().isEqualTo(LabRow.Status.CURRENT);

        answers.put("metrics", LabCheckResult.passed("found all four"));
        onFx(model::check);
        LiveStack.await("metrics green", 10, fx.holds(() -> model.rows().get(0).status() == LabRow.Status.DONE));

        fx.read(() -> {
            assertThat(model.rows().get(0).greenAt()).isEqualTo(NOW);
            assertThat(model.resultProperty().get().message()).isEqualTo("found all four");
            assertThat(model.summaryProperty().get()).isEqualTo("1 of 6 steps done.");
            return null;
        });
        LiveStack.await("saved", 10, () -> file.load().green().equals(Map.of("metrics", NOW)));

        // Green stays green: its check no longer runs, whatever it would say now.
        answers.put("metrics", LabCheckResult.notYet("gone"));
        onFx(model::check);
        assertThat(statuses().get(0)).isEqualTo(LabRow.Status.DONE);

        onFx(model::next);
        LiveStack.await("the targets step's answer", 10, fx.holds(() -> model.resultProperty().get() != null));
        assertThat(fx.read(() -> model.selectedProperty().get())).isEqualTo(1);
        assertThat(statuses()).containsExactly(LabRow.Status.DONE, LabRow.Status.CURRENT, LabRow.Status.TODO,
                LabRow.Status.TODO, LabRow.Status.TODO, LabRow.Status.TODO);
    }

    @Test
    void savedProgressComesBackAndTheFirstStepNotDoneIsShown() throws Exception {
        file.markGreen("metrics", NOW.minusSeconds(600));
        file.markGreen("targets", NOW.minusSeconds(300));

        startModel();

        assertThat(fx.read(() -> model.selectedProperty().get())).isEqualTo(2);
        assertThat(statuses()).startsWith(LabRow.Status.DONE, LabRow.Status.DONE, LabRow.Status.CURRENT);
        assertThat(fx.read(() -> model.rows().get(1).greenAt())).isEqualTo(NOW.minusSeconds(300));
    }

    @Test
    void aSkippedStepSaysSoAndIsNotDone() throws Exception {
        startModel();
        answers.put("silence", LabCheckResult.skipped("no Alertmanager"));
        onFx(() -> model.select(5));
        LiveStack.await("silence skipped", 10, fx.holds(() -> model.rows().get(5).status() == LabRow.Status.SKIPPED));
        assertThat(fx.read(() -> model.summaryProperty().get()))
                .isEqualTo("0 of 6 steps done, 1 skipped (this stack cannot do it).");
        assertThat(file.load().green()).isEmpty();
    }

    @Test
    void resetForgetsTheProgressAndStartsAtTheFirstStep() throws Exception {
        file.markGreen("metrics", NOW);
        startModel();

        onFx(model::reset);

        LiveStack.await("the file forgets alice", 10, () -> file.load().green().isEmpty());
        assertThat(fx.read(() -> model.selectedProperty().get())).isZero();
        assertThat(statuses()).doesNotContain(LabRow.Status.DONE);
        assertThat(fx.read(() -> model.summaryProperty().get())).isEqualTo("0 of 6 steps done.");
    }

    @Test
    void aBrokenProgressFileIsShownAsAProblemAndTheLabStartsAfresh() throws Exception {
        Files.writeString(home.resolve(LabProgressFile.NAME), "not json");
        startModel();
        assertThat(fx.read(() -> model.problemProperty().get()))
                .startsWith("The lab progress file could not be read, so progress starts afresh.");
        assertThat(statuses().get(0)).isEqualTo(LabRow.Status.CURRENT);
    }
}
