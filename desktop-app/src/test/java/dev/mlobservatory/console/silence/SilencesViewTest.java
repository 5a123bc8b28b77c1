package dev.mlobservatory.console.silence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.testing.LiveAlertmanager;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.OnFx;
import dev.mlobservatory.console.ui.Theme;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The silence dialog and the list of silences on screen (headless Monocle) against the real Alertmanager 0.33.1:
 * the form prefilled from an alert's labels, bad input refused on the form with nothing lost, a silence made from
 * the form and listed, Expire ending it in Alertmanager, and the state without an Alertmanager.
 */
@ExtendWith(ApplicationExtension.class)
class SilencesViewTest {

    private static final OkHttpClient HTTP = PrometheusClient.defaultHttp();
    private static LiveAlertmanager am;
    private static ScheduledExecutorService executor;

    private Stage stage;
    private final SimpleStringProperty url = new SimpleStringProperty();
    private SilencesModel model;
    private SilenceDialog dialog;

    @BeforeAll
    static void startAlertmanager() throws Exception {
        am = LiveAlertmanager.start("http://127.0.0.1:" + Ports.any() + "/webhook");
        executor = AppExecutor.create();
    }

    @AfterAll
    static void stopAlertmanager() {
        if (executor != null) {
            AppExecutor.shutdown(executor);
        }
        if (am != null) {
            am.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        url.set(am.url);
        model = new SilencesModel(executor, FxThread.javafx(), HTTP, url, Duration.ofMillis(200));
        dialog = new SilenceDialog(model, () -> stage);
        Scene scene = new Scene(new SilencesView(model, dialog), 900, 600);
        Theme.apply(scene, false, false);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        model.start();
    }

    @AfterEach
    void stopModel() {
        model.stop();
        OnFx.read(() -> {
            if (dialog.isShowing()) {
                dialog.form().cancel.fire();
            }
            return null;
        });
    }

    private static <T> T fx(Callable<T> what) {
        return OnFx.read(what);
    }

    /** The form's rows as "name op value". */
    private List<String> rows() {
        return fx(() -> dialog.form().rows.getChildren().stream().map(n -> (SilenceForm.MatcherRow) n)
                .map(r -> r.name.getText() + " " + r.op.getValue() + " " + r.value.getText()).toList());
    }

    @Test
    void theFormIsPrefilledFromTheAlertsLabelsAlertnameFirst() {
        fx(() -> {
            dialog.openFor(Map.of("severity", "critical", "alertname", "APIDown", "job", "ml-api"));
            return null;
        });
        assertThat(rows()).containsExactly("alertname = APIDown", "job = ml-api", "severity = critical");
        assertThat(fx(() -> dialog.isShowing())).isTrue();
        assertThat(fx(() -> dialog.form().createdBy.getText())).isEqualTo(System.getProperty("user.name"));
        assertThat(fx(() -> ((javafx.scene.control.RadioButton) dialog.form().durations.getSelectedToggle())
                .getText())).isEqualTo("15m");
        assertThat(fx(() -> dialog.form().error.isVisible())).isFalse();
    }

    @Test
    void badInputShowsAClearMessageOnTheFormAndLosesNothing() {
        fx(() -> {
            dialog.openFor(Map.of("alertname", "APIDown", "job", "ml-api"));
            dialog.form().submit.fire();
            return null;
        });
        assertThat(fx(() -> dialog.form().error.getText()))
                .isEqualTo("Write a comment: why this alert is silenced (it shows in the list).");
        assertThat(fx(() -> dialog.form().error.isVisible())).isTrue();
        assertThat(fx(() -> dialog.isShowing())).isTrue();
        assertThat(rows()).containsExactly("alertname = APIDown", "job = ml-api");

        fx(() -> {
            dialog.form().comment.setText("demo");
            dialog.form().custom.setSelected(true);
            dialog.form().customText.setText("half an hour");
            dialog.form().submit.fire();
            return null;
        });
        assertThat(fx(() -> dialog.form().error.getText()))
                .isEqualTo("Write the duration like 30m, 2h or 1h30m (not 'half an hour').");
        assertThat(fx(() -> dialog.form().comment.getText())).isEqualTo("demo");
        assertThat(rows()).containsExactly("alertname = APIDown", "job = ml-api");
    }

    @Test
    void alertmanagersRefusalShowsOnTheFormThenAGoodSilenceClosesItAndIsListed() throws Exception {
        fx(() -> {
            dialog.openFor(Map.of("alertname", "FormDemo", "job", "ml-api"));
            SilenceForm.MatcherRow job = (SilenceForm.MatcherRow) dialog.form().rows.getChildren().get(1);
            job.op.setValue(Matcher.Op.REGEX);
            job.value.setText("ml-(");
            dialog.form().comment.setText("demo from the form");
            dialog.form().createdBy.setText("maria");
            dialog.form().submit.fire();
            return null;
        });
        LiveStack.await("Alertmanager's refusal on the form", 20, () -> fx(() -> dialog.form().error.getText())
                .startsWith("Alertmanager said: invalid silence"));
        assertThat(fx(() -> dialog.isShowing())).isTrue();
        assertThat(rows()).containsExactly("alertname = FormDemo", "job =~ ml-(");

        fx(() -> {
            ((SilenceForm.MatcherRow) dialog.form().rows.getChildren().get(1)).value.setText("ml-.*");
            dialog.form().submit.fire();
            return null;
        });
        LiveStack.await("the dialog closed", 20, () -> !fx(() -> dialog.isShowing()));
        LiveStack.await("the silence listed", 20, () -> fx(() -> lookupText("alertname=\"FormDemo\", job=~\"ml-.*\"")));
        assertThat(fx(() -> lookupText("'demo from the form' · by maria · until ")))
                .as("comment, author and end on the row").isTrue();
    }

    @Test
    void expireEndsTheSilenceInAlertmanager(FxRobot robot) throws Exception {
        AlertmanagerClient client = new AlertmanagerClient(am.url, HTTP);
        Instant now = Instant.now();
        String id = client.create(List.of(Matcher.equal("alertname", "ToExpire")), now, now.plusSeconds(600), "test",
                "to expire");
        String button = "#silence-expire-" + SilencesModel.shortId(id);
        LiveStack.await("its row", 20, () -> fx(() -> stage.getScene().getRoot().lookup(button) != null));

        // Fired on the list's own button (a robot's lookup also finds the other test windows' nodes).
        fx(() -> {
            ((javafx.scene.control.Button) stage.getScene().getRoot().lookup(button)).fire();
            return null;
        });

        LiveStack.await("expired in Alertmanager", 20, () -> {
            try {
                return client.silences().stream()
                        .anyMatch(s -> s.id().equals(id) && s.state() == Silence.State.EXPIRED);
            } catch (Exception notYet) {
                return false;
            }
        });
        LiveStack.await("its row gone", 20, () -> fx(() -> stage.getScene().getRoot().lookup(button) == null
                || !stage.getScene().getRoot().lookup(button).isVisible()
                || !lookupText("alertname=\"ToExpire\"")));
        assertThat(fx(() -> robot.lookup("#silences-outcome").queryAs(Label.class).getText()))
                .isEqualTo("Expired the silence " + SilencesModel.shortId(id) + ": its alerts notify again.");
        LiveStack.await("listed among the expired", 20, () -> fx(() -> robot.lookup("#silences-expired")
                .queryAs(Label.class).getText().contains("alertname=\"ToExpire\" by test, ended ")));
    }

    @Test
    void withoutAlertmanagerTheListSaysHowToGetOneAndNothingCanBeCreated(FxRobot robot) throws Exception {
        fx(() -> {
            url.set(null);
            return null;
        });
        LiveStack.await("the no-Alertmanager state", 20, () -> fx(() -> lookupText(SilencesModel.NO_ALERTMANAGER)));
        assertThat(fx(() -> robot.lookup("#silence-new").queryButton().isDisabled())).isTrue();
    }

    @Test
    void theFormReadsWholeInPresenterType() {
        List<String> squeezed = fx(() -> {
            Theme.apply(stage.getScene(), false, true);
            dialog.openFor(Map.of("alertname", "APIDown", "instance", "127.0.0.1:8080", "job", "ml-api",
                    "severity", "critical"));
            dialog.form().getScene().getRoot().applyCss();
            dialog.form().getScene().getRoot().layout();
            return dialog.form().rows.getChildren().stream().map(n -> (SilenceForm.MatcherRow) n)
                    .filter(r -> r.op.getWidth() < r.op.prefWidth(-1) - 0.5 || r.remove.getWidth() < r.remove.prefWidth(-1) - 0.5)
                    .map(r -> r.name.getText()).toList();
        });
        assertThat(squeezed).as("rows whose operator or drop button is squeezed").isEmpty();
        assertThat(fx(() -> dialog.form().getWidth())).isGreaterThan(700);
    }

    @Test
    void aLongSilenceReadsWholeInPresenterType() throws Exception {
        AlertmanagerClient client = new AlertmanagerClient(am.url, HTTP);
        Instant now = Instant.now();
        String id = client.create(List.of(Matcher.equal("alertname", "PresenterDemo"),
                Matcher.equal("instance", "127.0.0.1:8080"), Matcher.equal("job", "ml-api"),
                Matcher.equal("severity", "critical"), Matcher.equal("model_version", "v2")), now,
                now.plusSeconds(600), "maria", "the whole class reads this line");
        fx(() -> {
            Theme.apply(stage.getScene(), false, true);
            return null;
        });
        String button = "#silence-expire-" + SilencesModel.shortId(id);
        LiveStack.await("its row", 20, () -> fx(() -> stage.getScene().getRoot().lookup(button) != null));

        List<String> cut = fx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return stage.getScene().getRoot().lookupAll("#silences-list .label").stream()
                    .map(n -> (Label) n)
                    .filter(l -> l.isVisible() && l.getText() != null && !l.getText().isEmpty())
                    .filter(l -> l.lookup(".text") instanceof javafx.scene.text.Text shown
                            && !shown.getText().equals(l.getText()))
                    .map(Label::getText).toList();
        });
        assertThat(cut).as("labels shortened with …").isEmpty();
        client.expire(id);
    }

    /** True when a showing label of the window reads {@code text} (or starts with it). */
    private boolean lookupText(String text) {
        return stage.getScene().getRoot().lookupAll(".label").stream().filter(Node::isVisible)
                .map(n -> ((Label) n).getText()).anyMatch(t -> t != null && t.startsWith(text));
    }
}
