package dev.mlobservatory.console.lab.exercise;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exercises: the bundled file, and a teacher's file that adds exercises and replaces bundled ones with the same
 * id. A teacher's file is read whole or not at all; what is wrong with it is one line naming the line and field,
 * and the bundled exercises load all the same.
 */
public final class ExerciseBook {

    /** The bundled exercises, beside this class. */
    static final String BUNDLED = "exercises.yaml";
    private static final YAMLMapper YAML = new YAMLMapper();

    private ExerciseBook() {
    }

    /** What was loaded, and why the teacher's file was left out (null when it was not). */
    public record Loaded(List<Exercise> exercises, String problem) {
        public Loaded {
            exercises = List.copyOf(exercises);
        }

        /** The exercise with {@code id}, or null. */
        public Exercise find(String id) {
            return exercises.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
        }
    }

    /** The bundled exercises, then the teacher's file's over them; {@code teacherFile} null for none. Never throws. */
    public static Loaded load(Path teacherFile) {
        List<Exercise> bundled = bundled();
        if (teacherFile == null) {
            return new Loaded(bundled, null);
        }
        try {
            return new Loaded(merge(bundled, readFile(teacherFile)), null);
        } catch (ExercisesFileException e) {
            return new Loaded(bundled, e.getMessage());
        }
    }

    /** The exercises shipped in the jar; a broken bundled file is a build bug (a test reads it). */
    public static List<Exercise> bundled() {
        try (InputStream in = ExerciseBook.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the jar");
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the bundled " + BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExercisesFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A teacher's file. */
    public static List<Exercise> readFile(Path file) throws ExercisesFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ExercisesFileException("exercises file " + file + " does not exist");
        } catch (IOException e) {
            throw new ExercisesFileException("exercises file " + file + " cannot be read: " + e.getMessage());
        }
        return read(text, file.toString());
    }

    /** {@code base} with {@code extra}'s exercises replacing those of the same id, and its new ones after them. */
    public static List<Exercise> merge(List<Exercise> base, List<Exercise> extra) {
        Map<String, Exercise> byId = new LinkedHashMap<>();
        base.forEach(e -> byId.put(e.id(), e));
        extra.forEach(e -> byId.put(e.id(), e));
        return List.copyOf(byId.values());
    }

    /**
     * Exercises from YAML (or JSON) text: a top-level {@code exercises:} list. Read item by item with the parser, so
     * that an item's mistake is reported at the item's own line; {@code source} names the file in the message.
     */
    public static List<Exercise> read(String text, String source) throws ExercisesFileException {
        List<Exercise> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int itemLine = 0;
        try (JsonParser p = YAML.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw problem(source, line(p), null, "expected 'exercises:' followed by a list of exercises");
            }
            boolean found = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                if (!"exercises".equals(key)) {
                    throw problem(source, line(p), key, "unknown key '" + key + "' (the file has one key, exercises)");
                }
                found = true;
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw problem(source, line(p), "exercises", "expected a list of exercises (lines starting with '- ')");
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    itemLine = line(p);
                    Exercise e = YAML.readValue(p, Exercise.class);
                    if (!ids.add(e.id())) {
                        throw problem(source, itemLine, "id", "id '" + e.id() + "' appears twice in this file");
                    }
                    out.add(e);
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    throw problem(source, line(p), "exercises", "each exercise must be a block of fields (id, title, …)");
                }
            }
            if (!found) {
                throw problem(source, 1, null, "no 'exercises:' list in the file");
            }
        } catch (UnrecognizedPropertyException e) {
            throw problem(source, fieldLine(text, itemLine, e.getPropertyName(), e), e.getPropertyName(), "unknown field '" + e.getPropertyName()
                    + "' (an exercise has id, title, task, reference, compare, tolerance, hints)");
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(f -> f != null).reduce((a, b) -> b).orElse(null);
            String why = rootMessage(e);
            if (field != null) {
                throw problem(source, fieldLine(text, itemLine, field, e), field, why);
            }
            // A check in Exercise's constructor: its message starts with the field it is about.
            field = e instanceof ValueInstantiationException ? firstWord(why) : null;
            throw problem(source, field == null ? itemLine : lineOf(text, itemLine, field), field, why);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
                // SnakeYAML's own words: "mapping values are not allowed here", at the line it means.
                throw problem(source, y.getProblemMark().getLine() + 1, null, "not valid YAML: " + y.getProblem()
                        + " (check the indentation, and quote a text that contains ': ')");
            }
            throw problem(source, line(e.getLocation()), null, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ExercisesFileException(source + " cannot be read: " + e.getMessage());
        }
        return List.copyOf(out);
    }

    private static ExercisesFileException problem(String source, int line, String field, String why) {
        String where = source + (line > 0 ? " line " + line : "") + (field == null ? "" : ", " + field);
        return new ExercisesFileException(where + ": " + firstLine(why));
    }

    /** The field's line in the exercise being read; where Jackson stopped when no exercise is being read. */
    private static int fieldLine(String text, int itemLine, String field, JsonProcessingException e) {
        if (itemLine > 0) {
            return lineOf(text, itemLine, field);
        }
        return e.getProcessor() instanceof JsonParser p ? line(p) : line(e.getLocation());
    }

    /**
     * The line of {@code field} in the exercise starting at {@code itemLine}: the constructor's checks run once the
     * whole exercise is read, when the parser has moved past it. The item's line when the field is not written.
     */
    static int lineOf(String text, int itemLine, String field) {
        String[] lines = text.split("\n", -1);
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("^\\s*(- )?\\s*" + java.util.regex.Pattern.quote(field)
                + "\\s*:");
        for (int i = itemLine - 1; i < lines.length && i >= 0; i++) {
            if (i > itemLine - 1 && lines[i].stripLeading().startsWith("- ")
                    && indent(lines[i]) <= indent(lines[itemLine - 1])) {
                break; // the next exercise
            }
            if (key.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return itemLine;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    private static int line(JsonParser p) {
        return line(p.currentTokenLocation());
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    /** The deepest cause's message: Jackson wraps our own words in its own. */
    private static String rootMessage(JsonProcessingException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t == e) {
            return e.getOriginalMessage();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
