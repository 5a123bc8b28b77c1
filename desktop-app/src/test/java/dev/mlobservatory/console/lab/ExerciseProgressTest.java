package dev.mlobservatory.console.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.lab.exercise.ExerciseBook;
import dev.mlobservatory.console.lab.exercise.ExercisesModel;
import dev.mlobservatory.console.prom.PrometheusClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passed exercises kept beside the steps in the progress file: restored at start without being saved again, a new
 * pass saved with its time, all forgotten on Reset, and listed for the report.
 */
class ExerciseProgressTest {

    private static final Instant EARLIER = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

    @TempDir
    Path home;

    /** Runs the executor's tasks at once, on the caller: the test reads the file right after. */
    private final FxThread fx = FxThread.direct();

    @Test
    void restoresSavesResetsAndReports() throws Exception {
        LabProgressFile file = new LabProgressFile(home.resolve(LabProgressFile.NAME), "ada");
        file.markGreen("exercise:request-rate", EARLIER);
        file.markGreen("see-targets", EARLIER);
        var executor = AppExecutor.create();
        try {
            ExercisesModel exercises = new ExercisesModel(executor, fx, new SimpleObjectProperty<PrometheusClient>(),
                    ExerciseBook.load(null));
            ExerciseProgress progress = new ExerciseProgress(exercises, file, Runnable::run, fx,
                    Clock.fixed(NOW, ZoneOffset.UTC));

            progress.start();

            assertThat(exercises.passedIds()).containsExactly("request-rate");
            assertThat(row(progress, "request-rate").passedAt()).isEqualTo(EARLIER);
            assertThat(row(progress, "p95-latency").passedAt()).isNull();
            assertThat(file.load().green()).as("a restored pass keeps its time")
                    .containsEntry("exercise:request-rate", EARLIER);

            exercises.restorePassed(List.of("p95-latency")); // as a passing check adds to the same set

            assertThat(file.load().green()).containsEntry("exercise:p95-latency", NOW)
                    .containsEntry("see-targets", EARLIER);
            assertThat(row(progress, "p95-latency").passedAt()).isEqualTo(NOW);

            file.reset(); // what the Lab's Reset does to the file, before it calls this
            progress.reset();

            assertThat(exercises.passedIds()).isEmpty();
            assertThat(progress.rows()).allMatch(r -> r.passedAt() == null);
            assertThat(file.load().green()).isEmpty();
        } finally {
            AppExecutor.shutdown(executor);
        }
    }

    private static ExerciseProgress.Row row(ExerciseProgress progress, String id) {
        return progress.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
