package dev.mlobservatory.console.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the lab's steps from the JSON that ships in the jar (text is data; the checks are code, in LabChecks). */
public final class LabSteps {

    static final String RESOURCE = "steps.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabSteps() {
    }

    /** The bundled steps, in order. A broken bundled file is a build error, so it throws. */
    public static List<LabStep> bundled() {
        try (InputStream in = LabSteps.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the console's jar");
            }
            return parse(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
        }
    }

    /** Steps from JSON text ({@code {"steps":[…]}}); an IllegalArgumentException names the step and field. */
    static List<LabStep> parse(String json) {
        try {
            return parse(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<LabStep> parse(JsonNode root) {
        List<LabStep> steps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode s : root.path("steps")) {
            LabStep step = new LabStep(text(s, "id"), text(s, "title"), text(s, "text"), text(s, "hint"),
                    text(s, "action"));
            if (!ids.add(step.id())) {
                throw new IllegalArgumentException("step id " + step.id() + " appears twice");
            }
            steps.add(step);
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("no steps: expected {\"steps\": [ … ]}");
        }
        return List.copyOf(steps);
    }

    private static String text(JsonNode step, String field) {
        JsonNode n = step.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
