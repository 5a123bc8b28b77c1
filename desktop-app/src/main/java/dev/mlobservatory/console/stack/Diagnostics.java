package dev.mlobservatory.console.stack;

import dev.mlobservatory.console.env.Environment;
import dev.mlobservatory.console.support.LogFile;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * "Copy diagnostics" on the Stack tab: what a teacher needs to help from a distance, as text a student pastes into
 * a message: versions, what was found where, the mode and ports, the stack's state, its last log lines, and the
 * last warnings and errors. Read on the FX thread (it reads the stack's properties).
 */
public final class Diagnostics {

    static final int LOG_LINES = 15;

    private final StackModel stack;
    private final LogFile logFile;
    private final String appVersion;

    /** @param logFile the console's log file, or null when it could not be written */
    public Diagnostics(StackModel stack, LogFile logFile, String appVersion) {
        this.stack = stack;
        this.logFile = logFile;
        this.appVersion = appVersion;
    }

    /** The whole report. */
    public String text() {
        StackSetup setup = stack.setup();
        Environment env = setup.environment();
        StackState state = stack.state();
        StringBuilder out = new StringBuilder();
        out.append("ML Observatory diagnostics, ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        line(out, "App", appVersion);
        line(out, "Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.home") + ")");
        line(out, "OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        line(out, "JavaFX", System.getProperty("javafx.runtime.version", "?"));
        if (env == null) {
            line(out, "Machine", "not probed yet");
        } else {
            line(out, "Prometheus", env.prometheusUsable()
                    ? env.prometheus() + " — " + env.prometheusVersion() + " (" + env.prometheusSource() + ")"
                    : "not found");
            if (env.prometheusNote() != null) {
                line(out, "Prometheus note", env.prometheusNote());
            }
            line(out, "Alertmanager", env.alertmanagerUsable()
                    ? env.alertmanager() + " — " + env.alertmanagerVersion().strip() : "not found");
            line(out, "Docker", env.dockerUsable() ? "ready (" + String.join(" ", env.compose()) + ")"
                    : env.dockerProblem());
            line(out, "Busy ports", env.busyPorts().isEmpty() ? "none" : env.busyPorts().toString());
        }
        line(out, "Prometheus setting", setup.prometheusPathProperty().get().isBlank() ? "(none: newest found)"
                : setup.prometheusPathProperty().get());
        line(out, "Mode", String.valueOf(setup.modeProperty().get()));
        StackPorts p = setup.portsProperty().get();
        line(out, "Ports", "API " + p.api() + ", Prometheus " + p.prometheus() + ", Grafana " + p.grafana()
                + ", Alertmanager " + p.alertmanager());
        line(out, "Stack files", String.valueOf(setup.files().repository()));
        line(out, "Stack", state.phase() + (state.apiUrl() == null ? "" : ", API " + state.apiUrl())
                + (state.prometheus() == null ? "" : ", Prometheus " + state.prometheus().baseUrl())
                + (state.alertmanagerUrl() == null ? "" : ", Alertmanager " + state.alertmanagerUrl())
                + (state.grafanaUrl() == null ? "" : ", Grafana " + state.grafanaUrl()));
        if (state.prometheusExit() != null) {
            line(out, "Prometheus exit", state.prometheusExit());
        }
        line(out, "Status", stack.log().statusProperty().get());
        line(out, "Log file", logFile == null ? "(could not be written)" : logFile.path().toString());
        List<String> lines = stack.log().lines();
        out.append("\nLast ").append(Math.min(LOG_LINES, lines.size())).append(" lines of the stack log:\n");
        lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()).forEach(l -> out.append("  ").append(l)
                .append('\n'));
        List<String> problems = logFile == null ? List.of() : logFile.recentProblems();
        out.append("\nRecent warnings and errors: ").append(problems.isEmpty() ? "none\n" : "\n");
        problems.forEach(l -> out.append("  ").append(l).append('\n'));
        return out.toString();
    }

    private static void line(StringBuilder out, String what, String value) {
        out.append(String.format(Locale.ROOT, "%-19s %s%n", what + ":", value));
    }
}
