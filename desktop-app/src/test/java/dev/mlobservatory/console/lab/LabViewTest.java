package dev.mlobservatory.console.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.OnFx;
import dev.mlobservatory.console.ui.Theme;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Lab tab on screen (headless Monocle) with checks that answer on cue: the first step's text, hint and "not
 * yet", the step turning green on Check with ✓ in the list, Next, the action button's URL, and Reset after the
 * confirmation.
 */
@ExtendWith(ApplicationExtension.class)
class LabViewTest {

    @TempDir
    static Path home;

    private final ScheduledExecutorService executor = AppExecutor.create();
    private final Map<String, LabCheckResult> answers = new ConcurrentHashMap<>();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private LabModel model;
    private LabView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Map<String, LabCheck> cued = new HashMap<>();
        for (LabStep s : LabSteps.bundled()) {
            answers.put(s.id(), LabCheckResult.notYet("the API is not running"));
            cued.put(s.id(), c -> answers.get(s.id()));
        }
        LabContext running = new LabContext("http://127.0.0.1:8080", null, null, null, List.of(),
                dev.mlobservatory.console.silence.SilenceIndex.EMPTY, "");
        model = new LabModel(executor, FxThread.javafx(), LabSteps.bundled(), new LabChecks(null, cued),
                new LabProgressFile(home.resolve(LabProgressFile.NAME), "alice"), () -> running, Duration.ofHours(1),
                Clock.systemUTC());
        view = new LabView(model, opened::add);
        view.setConfirm(q -> {
            asked.add(q);
            return true;
        });
        Scene scene = new Scene(view, 1100, 650);
        Theme.apply(scene, false, false);
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    @AfterEach
    void stop() {
        model.stop();
        AppExecutor.shutdown(executor);
    }

    private static String text(FxRobot robot, String id) {
        return OnFx.read(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static String cell(FxRobot robot, int index) {
        return OnFx.read(() -> {
            @SuppressWarnings("unchecked")
            ListView<LabRow> list = robot.lookup("#lab-steps").queryAs(ListView.class);
            return list.lookupAll(".list-cell").stream().map(n -> (javafx.scene.control.ListCell<?>) n)
                    .filter(c -> c.getIndex() == index && c.getText() != null).map(c -> c.getText()).findFirst()
                    .orElse("");
        });
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        LiveStack.await(what, 20, condition);
    }

    @Test
    void aStepTurnsGreenOnCheckShowsItsHintAndResetStartsAgain(FxRobot robot) throws Exception {
        await("the first check", () -> text(robot, "#lab-result").equals("Not yet: the API is not running"));
        assertThat(text(robot, "#lab-title")).isEqualTo("1. Read the API's /metrics");
        assertThat(text(robot, "#lab-hint")).startsWith("Hint: Start the stack (Ctrl+S)");
        assertThat(cell(robot, 0)).isEqualTo("▶ 1. Read the API's /metrics");
        assertThat(cell(robot, 1)).isEqualTo("○ 2. See both targets UP");
        assertThat(OnFx.read(() -> robot.lookup("#lab-next").queryAs(Button.class).isDisabled())).isTrue();

        robot.clickOn("#lab-action");
        assertThat(opened).containsExactly("http://127.0.0.1:8080/metrics");

        answers.put("metrics", LabCheckResult.passed("Found on http://127.0.0.1:8080/metrics:\n# TYPE …"));
        robot.clickOn("#lab-check");
        await("step 1 green", () -> cell(robot, 0).startsWith("✓ 1. Read the API's /metrics  "));
        assertThat(text(robot, "#lab-result")).startsWith("✓ Done. Found on http://127.0.0.1:8080/metrics:");
        assertThat(text(robot, "#lab-summary")).isEqualTo("1 of 6 steps done.");

        robot.clickOn("#lab-next");
        await("step 2 shown", () -> text(robot, "#lab-title").equals("2. See both targets UP"));
        assertThat(OnFx.read(() -> robot.lookup("#lab-action").queryAs(Button.class).isVisible())).isFalse();

        answers.put("metrics", LabCheckResult.notYet("the API is not running"));
        robot.clickOn("#lab-reset");
        assertThat(asked).containsExactly("Forget the lab progress of alice and start again at step 1?");
        await("back at step 1, to do again", () -> cell(robot, 0).equals("▶ 1. Read the API's /metrics"));
        assertThat(text(robot, "#lab-summary")).startsWith("0 of 6 steps done");
    }

    @Test
    void theExercisesGetATabBesideTheStepsWhenTheIntegratorAddsThem(FxRobot robot) {
        Label exercises = new Label("PromQL exercises");
        exercises.setId("exercises-pane");
        OnFx.read(() -> {
            view.setExercises(exercises);
            return null;
        });
        assertThat(OnFx.read(() -> view.getCenter() instanceof javafx.scene.control.TabPane sections
                && sections.getTabs().size() == 2 && sections.getTabs().get(1).getContent() == exercises
                && sections.getTabs().get(0).getContent().lookup("#lab-steps") != null)).isTrue();
    }
}
