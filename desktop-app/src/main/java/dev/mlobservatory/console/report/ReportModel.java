package dev.mlobservatory.console.report;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.ui.ChartPng;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Export report: the student's notes, the queries run this session, and the export itself — pictures taken on the
 * FX thread by the view, then Prometheus asked and the files written on the executor, with "step n of m" as it
 * goes and a plain sentence at the end.
 */
public final class ReportModel {

    /** Pictures, asking Prometheus, writing pictures, writing the page and the JSON, finishing. */
    public static final int STEPS = 5;
    /** The session's queries kept, newest first. */
    static final int MAX_SESSION_QUERIES = 50;

    /** A picture of one tab with its pixels, as the view took it. */
    public record Shot(ReportData.Picture picture, ChartPng.Pixels pixels) {
        public Shot {
            Objects.requireNonNull(picture, "picture");
            Objects.requireNonNull(pixels, "pixels");
        }
    }

    private final ScheduledExecutorService executor;
    private final FxThread fx;
    private final ReportCollector collector;
    private final Supplier<ReportInputs> inputs;

    private final StringProperty notes = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> lastReport = new ReadOnlyObjectWrapper<>();
    /** Written on the FX thread only (the history list's listener). */
    private final List<String> sessionQueries = new ArrayList<>();

    /** @param inputs reads the console's state; called on the FX thread */
    public ReportModel(ScheduledExecutorService executor, FxThread fx, ReportCollector collector,
                       Supplier<ReportInputs> inputs) {
        this.executor = executor;
        this.fx = fx;
        this.collector = collector;
        this.inputs = inputs;
    }

    /**
     * Keeps the queries added on top of {@code history} from now on: the session's, not those a history file
     * brought back from earlier sessions.
     */
    public void followQueries(ObservableList<String> history) {
        history.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                if (c.wasAdded() && c.getFrom() == 0) {
                    for (String q : c.getAddedSubList()) {
                        sessionQueries.remove(q);
                        sessionQueries.add(0, q);
                    }
                    while (sessionQueries.size() > MAX_SESSION_QUERIES) {
                        sessionQueries.remove(sessionQueries.size() - 1);
                    }
                }
            }
        });
    }

    /** The queries run this session, newest first, each once. */
    public List<String> sessionQueries() {
        return List.copyOf(sessionQueries);
    }

    /** Starts an export (FX thread); false when one is already under way. The view takes the pictures next. */
    public boolean begin() {
        if (running.get()) {
            return false;
        }
        running.set(true);
        lastReport.set(null);
        step(1, "taking pictures of the tabs");
        return true;
    }

    /** Ends an export that could not start, e.g. a picture that could not be taken (FX thread). */
    public void fail(String why) {
        running.set(false);
        progress.set(why);
    }

    /** Ends an export the student cancelled before it wrote anything (FX thread). */
    public void cancel() {
        running.set(false);
        progress.set("");
    }

    /**
     * Writes the report into a new folder inside {@code parent}, after {@link #begin()} and the pictures. Reads the
     * console's state here, on the FX thread; the rest runs on the executor. Completes with the report's folder, or
     * exceptionally with a {@link ReportException} whose message the progress line shows.
     */
    public CompletableFuture<Path> export(Path parent, List<Shot> shots) {
        ReportInputs in = inputs.get().withQueries(sessionQueries());
        String text = notes.get();
        List<ReportData.Picture> pictures = shots.stream().map(Shot::picture).toList();
        Map<String, ChartPng.Pixels> pngs = new LinkedHashMap<>();
        shots.forEach(s -> pngs.put(s.picture().file(), s.pixels()));
        CompletableFuture<Path> done = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                fx.run(() -> step(2, "asking Prometheus for targets, metrics and query results"));
                Instant now = Instant.now();
                ReportData data = collector.collect(in, text, pictures, now);
                int[] n = {2};
                Path folder = ReportWriter.write(parent, data, pngs, LocalDateTime.ofInstant(now, ZoneId.systemDefault()),
                        what -> {
                            int at = ++n[0];
                            fx.run(() -> step(at, what));
                        });
                fx.run(() -> {
                    running.set(false);
                    lastReport.set(folder);
                    progress.set("Report written: " + folder.resolve("index.html"));
                });
                done.complete(folder);
            } catch (ReportException e) {
                fx.run(() -> fail(e.getMessage()));
                done.completeExceptionally(e);
            } catch (RuntimeException e) {
                ReportException plain = new ReportException("Could not write the report: " + e.getMessage(), e);
                fx.run(() -> fail(plain.getMessage()));
                done.completeExceptionally(plain);
            }
        });
        return done;
    }

    private void step(int n, String what) {
        progress.set("Exporting the report: step " + n + " of " + STEPS + ", " + what + "…");
    }

    public StringProperty notesProperty() { return notes; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** "step n of m" while it writes, then where the report went or why it could not be written. */
    public ReadOnlyStringProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** The last report's folder, null until one is written. */
    public ReadOnlyObjectProperty<Path> lastReportProperty() { return lastReport.getReadOnlyProperty(); }
}
