package dev.mlobservatory.console.tour;

import dev.mlobservatory.console.alerts.AlertItem;
import dev.mlobservatory.console.alerts.AlertState;
import dev.mlobservatory.console.app.Console;
import dev.mlobservatory.console.app.ConsoleWindow;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.lab.LabRow;
import dev.mlobservatory.console.lab.exercise.CheckState;
import dev.mlobservatory.console.lab.exercise.ExercisesModel;
import dev.mlobservatory.console.notify.AlertStatus;
import dev.mlobservatory.console.notify.Notification;
import dev.mlobservatory.console.silence.Matcher;
import dev.mlobservatory.console.silence.SilencesModel;
import dev.mlobservatory.console.query.QueryMode;
import dev.mlobservatory.console.query.RangeWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Walks the README's classroom demo in a real window (run it under Xvfb: scripts/docs/classroom-shots.sh) and
 * saves each tab at baseline and at each step as a PNG, with the time each alert took to change state. It drives
 * the same models the buttons do; the pictures are the window's own rendering of the live stack.
 *
 * <p>Arguments: {@code OUT_DIR WIDTH HEIGHT PRESENTER(true|false) [baseline-only|alerting]}; {@code alerting} walks
 * only the alerting path (Kill API, APIDown, its notification, a silence) and times it, with the Lab tab: an
 * exercise failed then passed, and the lab's last step (the notification silenced) turning green.
 */
public final class ClassroomTour {

    private final Path out;
    private final String prefix;
    private final long started = System.nanoTime();
    private Console console;
    private Scene scene;

    private ClassroomTour(Path out, String prefix) {
        this.out = out;
        this.prefix = prefix;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        double width = Double.parseDouble(args[1]);
        double height = Double.parseDouble(args[2]);
        boolean presenter = Boolean.parseBoolean(args[3]);
        String walk = args.length > 4 ? args[4] : "full";
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("observatory-tour-");
        ClassroomTour tour = new ClassroomTour(out,
                String.format(Locale.ROOT, "%.0fx%.0f-%s", width, height, presenter ? "presenter" : "normal"));
        Platform.startup(() -> { });
        try {
            tour.open(home, width, height, presenter);
            if (walk.equals("alerting")) {
                tour.walkAlerting();
            } else {
                tour.walk(walk.equals("baseline-only"));
            }
        } finally {
            tour.onFx(() -> {
                tour.console.close();
                return null;
            });
            Platform.exit();
        }
        System.exit(0);
    }

    private void open(Path home, double width, double height, boolean presenter) {
        onFx(() -> {
            console = new Console(home, FxThread.javafx());
            ConsoleWindow window = new ConsoleWindow(console, url -> { }, false, presenter);
            scene = new Scene(window.root(), width, height);
            window.attach(scene);
            Stage stage = new Stage();
            stage.setTitle("ML Observatory — classroom tour");
            stage.setScene(scene);
            stage.show();
            window.autostart(20);
            console.start();
            return null;
        });
    }

    private void walk(boolean baselineOnly) throws Exception {
        await("the stack running with traffic", 120, () -> onFx(() -> console.stack().state().running()
                && console.traffic().sentProperty().get() > 100));
        await("the Prometheus chip green", 60,
                () -> onFx(() -> console.health().prometheusChipProperty().get().text().contains("3/3 up")));
        pause(60); // a minute of baseline, so the charts show a healthy line and not a start
        onFx(() -> {
            console.query().modeProperty().set(QueryMode.RANGE);
            console.query().windowProperty().set(RangeWindow.M15);
            console.query().queryProperty().set(
                    "histogram_quantile(0.95, sum by (le) (rate(ml_prediction_duration_seconds_bucket[1m])))");
            console.query().run();
            return null;
        });
        for (String tab : new String[] {"live", "promql", "alerts", "targets", "stack"}) {
            shot("1-baseline", tab);
        }
        if (baselineOnly) {
            return;
        }
        onFx(() -> {
            console.traffic().burst();
            return null;
        });
        pause(9);
        shot("2-burst", "live");

        onFx(() -> {
            console.chaos().errorPercentProperty().set(40);
            return null;
        });
        long faults = System.nanoTime();
        awaitOrSay("HighErrorRate pending", 240, () -> state("HighErrorRate") != AlertState.INACTIVE);
        log("HighErrorRate: " + state("HighErrorRate") + " " + since(faults) + " s after Failures 40%");
        shot("3-failures", "live");
        shot("3-failures", "alerts");
        awaitOrSay("HighErrorRate firing", 240, () -> state("HighErrorRate") == AlertState.FIRING);
        log("HighErrorRate: " + state("HighErrorRate") + " " + since(faults) + " s after Failures 40%");
        shot("4-firing", "alerts");

        onFx(() -> {
            console.chaos().latencyMsProperty().set(1200);
            return null;
        });
        long slow = System.nanoTime();
        awaitOrSay("HighLatency pending", 180, () -> state("HighLatency") != AlertState.INACTIVE);
        log("HighLatency: " + state("HighLatency") + " " + since(slow) + " s after Slow model 1200 ms");
        shot("4-slow", "live");
        shot("4-slow", "alerts");

        onFx(() -> {
            console.chaos().reset();
            console.stack().killApi();
            return null;
        });
        long killed = System.nanoTime();
        awaitOrSay("APIDown pending", 60, () -> state("APIDown") != AlertState.INACTIVE);
        log("APIDown pending " + since(killed) + " s after Kill API");
        shot("5-kill", "targets");
        shot("5-kill", "alerts");
        onFx(() -> {
            console.stack().restartApi();
            return null;
        });
        await("the API back", 60, () -> onFx(() -> console.stack().apiUpProperty().get()));

        onFx(() -> {
            console.traffic().driftProperty().set(1.5);
            console.query().queryProperty().set("max by (model_version, feature) (ml_feature_drift_psi)");
            console.query().run();
            return null;
        });
        long drift = System.nanoTime();
        awaitOrSay("PredictionDrift pending", 300, () -> state("PredictionDrift") != AlertState.INACTIVE);
        log("PredictionDrift pending " + since(drift) + " s after drift 1.5 σ");
        onFx(() -> {
            console.query().run();
            return null;
        });
        pause(3);
        shot("6-drift", "promql");
        shot("6-drift", "alerts");
    }

    /** The alerting path: Kill API, APIDown firing, its notification, a silence, the API back, the silence expired. */
    private void walkAlerting() throws Exception {
        await("the stack running with traffic", 120, () -> onFx(() -> console.stack().state().running()
                && console.traffic().sentProperty().get() > 100));
        await("Alertmanager running", 60, () -> onFx(() -> console.stack().alertmanagerProperty().get() != null));
        await("the Prometheus chip green", 60,
                () -> onFx(() -> console.health().prometheusChipProperty().get().text().contains("3/3 up")));
        shot("7-alerting-baseline", "notifications");
        exercise("rate-by-version", "rate(ml_predictions_total[1m])", CheckState.Kind.FAIL, "7-exercise-fail");
        exercise("rate-by-version", "sum by (model_version) (rate(ml_predictions_total[1m]))", CheckState.Kind.PASS,
                "7-exercise-pass");
        onFx(() -> {
            console.stack().killApi();
            return null;
        });
        long killed = System.nanoTime();
        awaitOrSay("APIDown firing", 180, () -> state("APIDown") == AlertState.FIRING);
        log("APIDown firing (as the Alerts tab polls it) " + since(killed) + " s after Kill API");
        long firing = System.nanoTime();
        awaitOrSay("the APIDown notification", 120, () -> notification("APIDown", AlertStatus.FIRING) != null);
        Notification n = notification("APIDown", AlertStatus.FIRING);
        if (n != null) {
            log(String.format(Locale.ROOT, "APIDown notification %d s after Kill API, %.1f s after the Alerts tab "
                    + "showed it firing; %s", since(killed), (System.nanoTime() - firing) / 1e9, n.delaySentence()));
        }
        selectNewest();
        shot("8-notified", "notifications");
        shot("8-notified", "alerts");
        SilencesModel.Outcome made = onFx(() -> console.silences()).create(
                List.of(new Matcher("alertname", Matcher.Op.EQUAL, "APIDown")), Duration.ofMinutes(15),
                "Class demo: we know the API is down", "teacher").get(30, TimeUnit.SECONDS);
        log("silence: " + made.text());
        await("the silence in the index", 30,
                () -> !onFx(() -> console.silences().note(Map.of("alertname", "APIDown"))).isEmpty());
        selectNewest();
        shot("9-silenced", "notifications");
        shot("9-silenced", "silences");
        shot("9-silenced", "alerts");
        int last = onFx(() -> console.lab().rows().size() - 1);
        onFx(() -> {
            console.lab().select(last);
            return null;
        });
        awaitOrSay("the lab's last step green", 30,
                () -> onFx(() -> console.lab().rows().get(last).status() == LabRow.Status.DONE));
        log("lab step '" + onFx(() -> console.lab().rows().get(last).step().title()) + "': "
                + onFx(() -> console.lab().rows().get(last).status()));
        shot("9-silenced", "lab", "steps");
        onFx(() -> {
            console.stack().restartApi();
            return null;
        });
        await("the API back", 60, () -> onFx(() -> console.stack().apiUpProperty().get()));
        awaitOrSay("APIDown inactive", 120, () -> state("APIDown") == AlertState.INACTIVE);
        log("APIDown inactive again; notifications: " + onFx(() -> console.notifications().notifications().size()));
    }

    /** Answers an exercise on the Lab tab, checks it, awaits the verdict and photographs the tab. */
    private void exercise(String id, String answer, CheckState.Kind expected, String step) throws Exception {
        CheckState state;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        do { // the reference is compared 10 to 70 s back: a young stack has no data that far yet
            onFx(() -> {
                ExercisesModel m = console.exercises();
                m.selectedProperty().set(
                        m.exercises().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow());
                m.answerProperty().set(answer);
                return m;
            }).check().get(60, TimeUnit.SECONDS);
            state = onFx(() -> console.exercises().stateProperty().get());
            if (state.kind() == CheckState.Kind.NO_DATA) {
                pause(5);
            }
        } while (state.kind() == CheckState.Kind.NO_DATA && System.nanoTime() < deadline);
        log("exercise " + id + " '" + answer + "': " + state.kind() + " " + state.message()
                + (state.kind() == expected ? "" : " (NOT " + expected + ")"));
        shot(step, "lab", "exercises");
    }

    private Notification notification(String alert, AlertStatus status) {
        return onFx(() -> console.notifications().notifications().stream()
                .filter(x -> x.alertName().equals(alert) && x.status() == status).findFirst().orElse(null));
    }

    /** Selects the newest notification, so the detail pane shows it in the picture. */
    private void selectNewest() {
        onFx(() -> {
            Node table = scene.getRoot().lookup("#notifications-table");
            if (table instanceof javafx.scene.control.TableView<?> t && !t.getItems().isEmpty()) {
                t.getSelectionModel().select(0);
            }
            return null;
        });
    }

    private AlertState state(String rule) {
        return onFx(() -> console.alerts().alerts().stream().filter(a -> a.getName().equals(rule))
                .map(AlertItem::getState).findFirst().orElse(AlertState.INACTIVE));
    }

    /** Shows {@code tabs} (a tab, then a tab inside it, e.g. "lab", "exercises") and saves the window as a PNG. */
    private void shot(String step, String... tabs) throws IOException, InterruptedException {
        for (String tab : tabs) {
            onFx(() -> {
                for (Node n : scene.getRoot().lookupAll(".tab-pane")) {
                    TabPane pane = (TabPane) n;
                    for (Tab t : pane.getTabs()) {
                        if (("tab-" + tab).equals(t.getId())) {
                            pane.getSelectionModel().select(t);
                        }
                    }
                }
                return null;
            });
        }
        String tab = String.join("-", tabs);
        pause(2); // let the newly shown tab lay out and draw its charts
        WritableImage image = onFx(() -> scene.snapshot(null));
        Path file = out.resolve(prefix + "-" + step + "-" + tab + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        log("saved " + file);
    }

    private long since(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - nanos);
    }

    private void log(String line) {
        System.out.printf(Locale.ROOT, "[tour %4d s] %s%n", since(started), line);
    }

    private static void pause(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }

    /** Waits like {@link #await}, but a step that does not come is said and the walk goes on to its pictures. */
    private void awaitOrSay(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        try {
            await(what, seconds, condition);
        } catch (IllegalStateException e) {
            log("NOT REACHED: " + e.getMessage());
        }
    }

    private void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting " + seconds + " s for " + what);
            }
            Thread.sleep(250);
        }
    }

    private <T> T onFx(Callable<T> read) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(read.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }
}
