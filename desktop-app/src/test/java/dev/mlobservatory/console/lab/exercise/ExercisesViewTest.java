package dev.mlobservatory.console.lab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.OnFx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The exercises pane headless on Monocle against the newest real Prometheus: a wrong answer turns the result red
 * with its reason, a hint shows, the right one (Ctrl+Enter) turns it green and ticks the exercise; without a
 * Prometheus it says how to get one.
 */
@ExtendWith(ApplicationExtension.class)
class ExercisesViewTest {

    private static LiveStack stack;
    private static ScheduledExecutorService executor;

    private Stage stage;
    private SimpleObjectProperty<PrometheusClient> prometheus;
    private ExercisesModel model;
    private ExercisesView view;
    private final List<String> explained = new ArrayList<>();

    @BeforeAll
    static void startStack() throws Exception {
        stack = LiveStack.start();
        executor = AppExecutor.create();
        Exercise byVersion = ExerciseBook.load(null).find("rate-by-version");
        Grader grader = new Grader(stack.client);
        // The grader's newest time is 10 s back: traffic until the reference has a rate there.
        LiveStack.await("a rate per version at the grader's times", 60, () -> {
            stack.api.postJson("/v1/predict", TestApi.flower(5.1, 3.5, 1.4, 0.2));
            stack.api.postJson("/v2/predict", TestApi.flower(7.7, 3.0, 6.1, 2.3));
            return grader.check(byVersion, byVersion.reference()).passed();
        });
    }

    @AfterAll
    static void stopStack() {
        if (executor != null) {
            AppExecutor.shutdown(executor);
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        prometheus = new SimpleObjectProperty<>(stack.client);
        model = new ExercisesModel(executor, FxThread.javafx(), prometheus, ExerciseBook.load(null));
        model.setOnExplain(explained::add);
        view = new ExercisesView(model);
        Scene scene = new Scene(view, 1100, 650);
        dev.mlobservatory.console.ui.Theme.apply(scene, false, false);
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    @AfterEach
    void stopModel(FxRobot robot) {
        robot.interact(model::stop);
    }

    @Test
    void aWrongAnswerFailsWithItsReasonAndTheRightOnePasses(FxRobot robot) throws Exception {
        robot.interact(() -> model.selectedProperty().set(model.exercises().stream()
                .filter(e -> e.id().equals("rate-by-version")).findFirst().orElseThrow()));
        assertThat(fx(() -> label(robot, "#exercise-task").getText())).startsWith("Predictions per second for each");

        robot.clickOn("#exercise-answer").write("rate(ml_predictions_total[1m])");
        robot.clickOn("#exercise-check");
        until("the verdict", () -> model.stateProperty().get().kind() == CheckState.Kind.FAIL);
        Label result = fx(() -> label(robot, "#exercise-result"));
        assertThat(fx(result::getText)).startsWith("FAIL: 2 series expected, yours has 8: you kept `instance`, `job`, "
                + "`prediction_result` and `status`");
        assertThat(fx(result::getStyleClass)).contains(Styles.DANGER);

        robot.clickOn("#exercise-hint");
        assertThat(fx(() -> robot.lookup("#exercise-hints").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().size())).isEqualTo(1);

        robot.interact(() -> model.answerProperty().set("sum(rate(ml_predictions_total[1m])) by (model_version)"));
        robot.clickOn("#exercise-answer");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        until("the pass", () -> model.stateProperty().get().kind() == CheckState.Kind.PASS);
        assertThat(fx(result::getStyleClass)).contains(Styles.SUCCESS).doesNotContain(Styles.DANGER);
        assertThat(fx(() -> model.passedIds())).containsExactly("rate-by-version");
        assertThat(fx(() -> label(robot, "#exercise-progress").getText())).isEqualTo("1 of "
                + model.exercises().size() + " passed");
        assertThat(fx(() -> robot.lookup("#exercise-list").queryAs(ListView.class).getSelectionModel()
                .getSelectedItem())).isEqualTo(model.selectedProperty().get());

        // Explain is offered on Prometheus 3 and hands the answer over.
        if (fx(() -> model.explainAvailableProperty().get())) {
            robot.clickOn("#exercise-explain");
            assertThat(explained).containsExactly("sum(rate(ml_predictions_total[1m])) by (model_version)");
        }
    }

    @Test
    void withoutPrometheusItSaysHowToGetOne(FxRobot robot) throws Exception {
        robot.interact(() -> {
            prometheus.set(null);
            model.answerProperty().set("up");
        });
        robot.clickOn("#exercise-check");

        assertThat(fx(() -> label(robot, "#exercise-result").getText()))
                .isEqualTo("Prometheus is not running: press ▶ Start stack (top left) to check answers.");
        assertThat(fx(() -> robot.lookup("#exercise-explain").query().isVisible())).isFalse();
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    private static <T> T fx(Callable<T> read) {
        return OnFx.read(read, 5);
    }

    /** Polls {@code condition} on the FX thread until it holds, or fails after 30 s. */
    private static void until(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (fx(condition)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
