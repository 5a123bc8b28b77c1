package dev.mlobservatory.console.app;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.settings.ConsoleSettings;
import dev.mlobservatory.console.ui.Theme;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: builds the console, restores the window, and stops everything on close. */
public final class ConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

    private Console console;
    private ConsoleWindow window;
    private Stage stage;
    private boolean dark;
    private boolean presenter;

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.error("unexpected error on {}", t.getName(), e));
        console = new Console(ConsoleSettings.home(), FxThread.javafx());
        ConsoleSettings s = console.settings;
        dark = s.getBoolean("ui.dark", false);
        LaunchOptions options = LaunchOptions.current();
        presenter = options.presenter() != null ? options.presenter() : s.getBoolean("ui.presenter", false);

        window = new ConsoleWindow(console, url -> getHostServices().showDocument(url));
        MainView view = window.view();
        // Never larger than the screen: a small laptop must see the whole window.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view,
                Math.min(s.getDouble("window.width", 1440, 800, 8000), screen.getWidth()),
                Math.min(s.getDouble("window.height", 900, 560, 8000), screen.getHeight()));
        Theme.apply(scene, dark, presenter);
        view.themeButton().setOnAction(e -> toggleTheme(scene));
        view.presenterButton().setOnAction(e -> togglePresenter(scene));
        shortcuts(scene, view);

        primary.setTitle("ML Observatory — watch an ML prediction API in production");
        primary.setScene(scene);
        double x = s.getDouble("window.x", Double.NaN, -10_000, 10_000);
        double y = s.getDouble("window.y", Double.NaN, -10_000, 10_000);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            primary.setX(x);
            primary.setY(y);
        }
        primary.setMaximized(s.getBoolean("window.maximized", false));
        primary.show();
        LOG.info("window shown {} ms after the JVM started",
                System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        window.start();
        console.stack.probe();
        if (options.startStack()) {
            autostart(options);
        }
    }

    /** --start / --traffic: start once the probe has answered, then traffic once the API is up. */
    private void autostart(LaunchOptions options) {
        console.stack.environmentProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends dev.mlobservatory.console.env.Environment> o,
                                dev.mlobservatory.console.env.Environment a, dev.mlobservatory.console.env.Environment b) {
                o.removeListener(this);
                console.stack.start();
            }
        });
        if (options.trafficRate() > 0) {
            console.traffic.rateProperty().set(options.trafficRate());
            console.stack.apiUrlProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends String> o, String a, String url) {
                    if (url != null) {
                        o.removeListener(this);
                        console.traffic.start();
                    }
                }
            });
        }
    }

    private void toggleTheme(Scene scene) {
        dark = !dark;
        Theme.apply(scene, dark, presenter);
    }

    private void togglePresenter(Scene scene) {
        presenter = !presenter;
        Theme.apply(scene, dark, presenter);
    }

    private void shortcuts(Scene scene, MainView view) {
        var accelerators = scene.getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), console.stack::start);
        accelerators.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                console.stack::stop);
        accelerators.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), () -> {
            if (console.traffic.runningProperty().get()) {
                console.traffic.stop();
            } else {
                console.traffic.start();
            }
        });
        accelerators.put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), console.traffic::burst);
        accelerators.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), () -> toggleTheme(scene));
        accelerators.put(new KeyCodeCombination(KeyCode.F5), () -> togglePresenter(scene));
        for (int i = 0; i < Math.min(9, view.tabs().getTabs().size()); i++) {
            int tab = i;
            accelerators.put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)), KeyCombination.SHORTCUT_DOWN),
                    () -> view.tabs().getSelectionModel().select(tab));
        }
    }

    @Override
    public void stop() {
        if (console == null) {
            return;
        }
        ConsoleSettings s = console.settings;
        s.put("ui.dark", dark);
        s.put("ui.presenter", presenter);
        s.put("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            s.put("window.x", stage.getX());
            s.put("window.y", stage.getY());
            s.put("window.width", stage.getScene().getWidth());
            s.put("window.height", stage.getScene().getHeight());
        }
        window.stop();
        console.close();
    }
}
