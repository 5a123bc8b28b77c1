package dev.mlobservatory.console.lab.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled exercises and a teacher's file: merged by id, and a broken file named by line and field. */
class ExerciseBookTest {

    private static final String HEAD = "exercises:\n";
    private static final String ONE = """
              - id: memory-mb
                title: Memory in MB
                task: The API's memory in MB.
                reference: app_memory_usage_bytes / 1e6
            """;

    @Test
    void theBundledFileHasTheLabsSixAndMoreEachValid() {
        List<Exercise> all = ExerciseBook.bundled();

        assertThat(all).extracting(Exercise::id).contains("total-predictions", "request-rate", "average-latency",
                "p95-latency", "error-ratio", "rate-by-version").hasSizeGreaterThanOrEqualTo(12).doesNotHaveDuplicates();
        assertThat(all).extracting(Exercise::reference).anyMatch(r -> r.contains("topk("))
                .anyMatch(r -> r.contains("increase(")).anyMatch(r -> r.contains(" offset "))
                .anyMatch(r -> r.contains("on(")).anyMatch(r -> r.contains("ignoring("))
                .anyMatch(r -> r.contains("absent("));
        assertThat(all).allSatisfy(e -> assertThat(e.hints()).isNotEmpty());
    }

    @Test
    void aTeachersFileAddsAndReplacesByIdWithDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, HEAD + ONE + """
              - id: request-rate
                title: Request rate (mine)
                task: Mine.
                reference: rate(ml_predictions_total[2m])
                compare: instant
                tolerance: 0.1
            """);

        ExerciseBook.Loaded loaded = ExerciseBook.load(file);

        assertThat(loaded.problem()).isNull();
        assertThat(loaded.find("request-rate").title()).isEqualTo("Request rate (mine)");
        assertThat(loaded.find("request-rate").tolerance()).isEqualTo(0.1);
        assertThat(loaded.find("memory-mb").compare()).isEqualTo(Compare.INSTANT);
        assertThat(loaded.find("memory-mb").tolerance()).isEqualTo(Exercise.DEFAULT_TOLERANCE);
        assertThat(loaded.exercises().get(loaded.exercises().size() - 1).id()).isEqualTo("memory-mb");
    }

    @Test
    void aBrokenFileIsOneLineNamingLineAndFieldAndTheBundledStillLoad(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, HEAD + ONE + "    compare: vector\n");

        ExerciseBook.Loaded loaded = ExerciseBook.load(file);

        assertThat(loaded.problem()).isEqualTo(file + " line 6, compare: compare must be instant, scalar or range, "
                + "got 'vector'");
        assertThat(loaded.exercises()).hasSameSizeAs(ExerciseBook.bundled());
    }

    @Test
    void eachKindOfMistakeIsNamed() {
        assertThatThrownBy(() -> ExerciseBook.read(HEAD + ONE + "    titel: x\n", "f.yaml"))
                .hasMessageStartingWith("f.yaml line 6, titel: unknown field 'titel'");
        assertThatThrownBy(() -> ExerciseBook.read(HEAD + ONE.replace("    reference: app_memory_usage_bytes / 1e6\n",
                ""), "f.yaml")).hasMessage("f.yaml line 2, reference: reference is missing or empty");
        assertThatThrownBy(() -> ExerciseBook.read(HEAD + ONE + "    tolerance: 5\n", "f.yaml"))
                .hasMessage("f.yaml line 6, tolerance: tolerance must be a share from 0 up to 1 (0.05 is 5%), got 5.0");
        assertThatThrownBy(() -> ExerciseBook.read(HEAD + ONE + ONE, "f.yaml"))
                .hasMessage("f.yaml line 6, id: id 'memory-mb' appears twice in this file");
        assertThatThrownBy(() -> ExerciseBook.read(HEAD + "  - id: x\n    title: a: b\n", "f.yaml"))
                .hasMessage("f.yaml line 3: not valid YAML: mapping values are not allowed here (check the "
                        + "indentation, and quote a text that contains ': ')");
        assertThatThrownBy(() -> ExerciseBook.read("questions:\n  - id: x\n", "f.yaml"))
                .hasMessage("f.yaml line 1, questions: unknown key 'questions' (the file has one key, exercises)");
    }
}
