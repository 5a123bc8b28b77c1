package dev.mlobservatory.console.lab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusAbsence;
import dev.mlobservatory.console.prom.PrometheusClient;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pane's state without Prometheus and without a toolkit: answers and hints per exercise, passes, absence. */
class ExercisesModelTest {

    private final ScheduledExecutorService executor = AppExecutor.create();
    private final SimpleObjectProperty<PrometheusClient> prometheus = new SimpleObjectProperty<>();
    private final ExercisesModel model = new ExercisesModel(executor, FxThread.direct(), prometheus,
            ExerciseBook.load(null));

    @AfterEach
    void stop() {
        model.stop();
        AppExecutor.shutdown(executor);
    }

    private Exercise exercise(String id) {
        return model.exercises().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void eachExerciseKeepsItsAnswerAndHintsWhileTheStudentMovesAround() {
        model.selectedProperty().set(exercise("request-rate"));
        model.answerProperty().set("rate(ml_predictions_total[1m])");
        model.revealHint();
        model.revealHint();

        model.selectedProperty().set(exercise("p95-latency"));
        assertThat(model.answerProperty().get()).isEmpty();
        assertThat(model.hintsShownProperty().get()).isZero();

        model.selectedProperty().set(exercise("request-rate"));
        assertThat(model.answerProperty().get()).isEqualTo("rate(ml_predictions_total[1m])");
        assertThat(model.hintsShownProperty().get()).isEqualTo(2);
        model.revealHint();
        model.revealHint(); // only three hints: the fourth reveal does nothing
        assertThat(model.hintsShownProperty().get()).isEqualTo(3);
    }

    @Test
    void withoutPrometheusACheckSaysWhyAndAnEmptyAnswerAsksForOne() {
        model.explainAbsence(new SimpleObjectProperty<>(PrometheusAbsence.NOT_INSTALLED));

        model.check();
        assertThat(model.stateProperty().get()).isEqualTo(new CheckState(CheckState.Kind.FAIL,
                "Type your query in the box first."));

        model.answerProperty().set("up");
        model.check();
        assertThat(model.stateProperty().get().kind()).isEqualTo(CheckState.Kind.NO_PROMETHEUS);
        assertThat(model.stateProperty().get().message()).startsWith("This stack runs without Prometheus")
                .endsWith("to check answers.");
    }

    @Test
    void passesCanBeRestoredAndResetForTheLabsProgress() {
        model.restorePassed(List.of("request-rate", "v3-absent"));
        assertThat(model.passedIds()).containsExactlyInAnyOrder("request-rate", "v3-absent");

        model.resetPassed();
        assertThat(model.passedIds()).isEmpty();
    }

    @Test
    void aTeachersFileProblemIsStateAndTheBundledExercisesStay() {
        ExercisesModel withProblem = new ExercisesModel(executor, FxThread.direct(), prometheus,
                new ExerciseBook.Loaded(ExerciseBook.bundled(), "mine.yaml line 3, title: title is missing or empty"));

        assertThat(withProblem.fileProblemProperty().get()).isEqualTo("mine.yaml line 3, title: title is missing or empty");
        assertThat(withProblem.exercises()).hasSameSizeAs(ExerciseBook.bundled());
        assertThat(withProblem.selectedProperty().get().id()).isEqualTo("total-predictions");
    }
}
