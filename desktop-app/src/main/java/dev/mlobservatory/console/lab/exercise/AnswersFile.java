package dev.mlobservatory.console.lab.exercise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A student's answers for {@code lab grade}: one {@code id: query} per line, blank lines and {@code #} comments
 * ignored. The id ends at the first colon (ids have none), so a query may contain colons ({@code [10m:1m]}).
 */
final class AnswersFile {

    private AnswersFile() {
    }

    /** The answers by id, in file order; a bad line is an IllegalArgumentException naming its number. */
    static Map<String, String> read(Path file, List<Exercise> exercises) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("answers file " + file + " does not exist");
        }
        return parse(lines, file.toString(), exercises.stream().map(Exercise::id).collect(Collectors.toSet()));
    }

    static Map<String, String> parse(List<String> lines, String source, Set<String> ids) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String where = source + " line " + n + ": ";
            if (colon <= 0) {
                throw new IllegalArgumentException(where + "expected 'id: query', e.g. 'request-rate: "
                        + "rate(ml_predictions_total[1m])'");
            }
            String id = line.substring(0, colon).strip();
            String query = line.substring(colon + 1).strip();
            if (!ids.contains(id)) {
                throw new IllegalArgumentException(where + "no exercise '" + id + "' (observatory lab list shows the ids)");
            }
            if (query.isEmpty()) {
                throw new IllegalArgumentException(where + "no query after '" + id + ":'");
            }
            if (answers.putIfAbsent(id, query) != null) {
                throw new IllegalArgumentException(where + "'" + id + "' is answered twice");
            }
        }
        if (answers.isEmpty()) {
            throw new IllegalArgumentException(source + " has no answers (lines 'id: query')");
        }
        return answers;
    }
}
