package dev.mlobservatory.console.lab;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.lab.exercise.Exercise;
import dev.mlobservatory.console.lab.exercise.ExercisesModel;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.collections.SetChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps which PromQL exercises a user passed in the lab's progress file, beside the steps (as
 * {@code exercise:<id>}): they survive a restart, go with the steps on Reset, and reach the report with their time.
 */
public final class ExerciseProgress {

    static final String PREFIX = "exercise:";
    private static final Logger LOG = LoggerFactory.getLogger(ExerciseProgress.class);

    private final ExercisesModel exercises;
    private final LabProgressFile file;
    private final Executor executor;
    private final FxThread fx;
    private final Clock clock;
    /** When each exercise was first passed; FX thread only. */
    private final Map<String, Instant> passedAt = new HashMap<>();

    public ExerciseProgress(ExercisesModel exercises, LabProgressFile file, Executor executor, FxThread fx,
                            Clock clock) {
        this.exercises = exercises;
        this.file = file;
        this.executor = executor;
        this.fx = fx;
        this.clock = clock;
    }

    /** Restores the passes saved earlier (read on the executor), then saves each new one as it happens. FX thread. */
    public void start() {
        exercises.passedIds().addListener((SetChangeListener<String>) change -> {
            if (change.wasAdded() && !passedAt.containsKey(change.getElementAdded())) {
                String id = change.getElementAdded();
                Instant at = clock.instant();
                passedAt.put(id, at);
                save(id, at);
            }
        });
        run(() -> {
            Map<String, Instant> saved = new HashMap<>();
            file.load().green().forEach((key, at) -> {
                if (key.startsWith(PREFIX)) {
                    saved.put(key.substring(PREFIX.length()), at);
                }
            });
            fx.run(() -> {
                saved.forEach(passedAt::putIfAbsent);
                exercises.restorePassed(saved.keySet());
            });
        });
    }

    /** Forgets the passes with the steps: the Lab's Reset has emptied this user's progress file already. FX thread. */
    public void reset() {
        passedAt.clear();
        exercises.resetPassed();
    }

    /** Every exercise with its status ("passed" and when, or "to do"), as the report lists them. FX thread. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Exercise e : exercises.exercises()) {
            rows.add(new Row(e.id(), e.title(), passedAt.get(e.id())));
        }
        return rows;
    }

    /** An exercise and when it was passed, null when it was not. */
    public record Row(String id, String title, Instant passedAt) {
    }

    private void save(String id, Instant at) {
        run(() -> {
            try {
                file.markGreen(PREFIX + id, at);
            } catch (IOException e) {
                LOG.warn("could not save the pass of exercise {} to {}: {}", id, file.file(), e.getMessage());
            }
        });
    }

    private void run(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closing) {
            // the console is closing: what was passed is saved already, or lost with this session only
        }
    }
}
