package dev.mlobservatory.console.app;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.settings.ConsoleSettings;
import dev.mlobservatory.console.support.LogFile;
import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: builds the console and its window, restores the window's place, stops all on close. */
public final class ConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

    private Console console;
    private ConsoleWindow window;
    private Stage stage;

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.error("unexpected error on {}", t.getName(), e));
        // Everything the window logs (and any trace nobody caught) also goes to <home>/logs/console.log.
        LogFile logFile = LogFile.install(ConsoleSettings.home());
        console = new Console(ConsoleSettings.home(), FxThread.javafx(), logFile);
        ConsoleSettings s = console.settings();
        LaunchOptions options = LaunchOptions.current();
        boolean presenter = options.presenter() != null ? options.presenter() : s.getBoolean("ui.presenter", false);
        window = new ConsoleWindow(console, url -> getHostServices().showDocument(url), s.getBoolean("ui.dark", false),
                presenter);
        // Never larger than the screen: a small laptop must see the whole window.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window.root(),
                Math.min(s.getDouble("window.width", 1440, 800, 8000), screen.getWidth()),
                Math.min(s.getDouble("window.height", 900, 560, 8000), screen.getHeight()));
        window.attach(scene);

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
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        if (options.startStack()) {
            window.autostart(options.trafficRate());
        }
        console.start();
    }

    @Override
    public void stop() {
        if (console == null) {
            return;
        }
        ConsoleSettings s = console.settings();
        s.put("ui.dark", window.dark());
        s.put("ui.presenter", window.presenter());
        s.put("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            s.put("window.x", stage.getX());
            s.put("window.y", stage.getY());
            s.put("window.width", stage.getScene().getWidth());
            s.put("window.height", stage.getScene().getHeight());
        }
        console.close();
    }
}
