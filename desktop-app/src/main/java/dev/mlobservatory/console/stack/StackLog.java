package dev.mlobservatory.console.stack;

import dev.mlobservatory.console.concurrent.FxThread;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the stack says: the one-line status under the window (the latest news, whoever has it: the probe, a start
 * or stop, a health check) and the log of the Stack tab, bounded so a long class does not grow it without end.
 * Both change on the FX thread; {@link #say} and {@link #append} may be called from any thread.
 */
public final class StackLog {

    static final int LOG_LINES = 2_000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final FxThread fx;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Checking what is installed…");
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObservableList<String> readOnly = FXCollections.unmodifiableObservableList(lines);

    public StackLog(FxThread fx) {
        this.fx = fx;
    }

    /** Makes {@code text} the status line. */
    public void say(String text) {
        fx.run(() -> status.set(text));
    }

    /** Adds a time-stamped line to the log; {@code progress} also shows it, shortened, in the status line. */
    void append(String line, boolean progress) {
        String stamped = LocalTime.now().format(CLOCK) + "  " + line;
        fx.run(() -> {
            if (progress) {
                // Progress while images build or pull: the latest line, in the status bar too.
                status.set("Starting… " + (line.length() > 140 ? line.substring(0, 140) + "…" : line));
            }
            lines.add(stamped);
            if (lines.size() > LOG_LINES) {
                lines.remove(0, lines.size() - LOG_LINES);
            }
        });
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The log's lines, oldest first, read-only. */
    public ObservableList<String> lines() {
        return readOnly;
    }
}
