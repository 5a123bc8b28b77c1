package dev.mlobservatory.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mlobservatory.api.model.IrisFeatures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A parsed and validated prediction request: one flower, or a batch under {@code instances}.
 * Every rejection names the field at fault, e.g. {@code petal_width} or {@code instances[3].petal_width}.
 */
public record PredictRequest(List<IrisFeatures> rows, boolean batch) {

    /** Largest body of a single prediction. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /**
     * Largest body of a batch. 1000 rows of four measurements take about 76 KiB of compact JSON,
     * more when pretty-printed, so a batch gets its own, larger limit; 64 KiB would make the 1000-row cap unreachable.
     */
    public static final int MAX_BATCH_BODY_BYTES = 512 * 1024;
    public static final int MAX_BATCH_ROWS = 1000;
    static final String INSTANCES = "instances";

    public PredictRequest {
        rows = List.copyOf(rows);
    }

    /** Parses a body already read within {@link #MAX_BATCH_BODY_BYTES}. */
    public static PredictRequest parse(byte[] body) {
        if (isBlank(body)) {
            throw ApiException.badRequest(null, "request body is empty; send a JSON object with "
                    + String.join(", ", IrisFeatures.NAMES));
        }
        if (body.length > MAX_BODY_BYTES && !startsAsBatch(body)) {
            throw RequestBody.tooLarge(MAX_BODY_BYTES);
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, malformed(e));
        } catch (IOException e) {
            throw ApiException.badRequest(null, "malformed JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest(null, "body must be a JSON object, got " + describe(root));
        }
        if (!root.has(INSTANCES)) {
            return new PredictRequest(List.of(features(root, "")), false);
        }
        return new PredictRequest(batch(root), true);
    }

    private static List<IrisFeatures> batch(JsonNode root) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals(INSTANCES)) {
                throw ApiException.badRequest(name, "unknown field '" + name + "' beside instances");
            }
        }
        JsonNode instances = root.get(INSTANCES);
        if (!instances.isArray()) {
            throw ApiException.badRequest(INSTANCES, "instances must be an array of flowers, got " + describe(instances));
        }
        if (instances.isEmpty()) {
            throw ApiException.badRequest(INSTANCES, "instances is empty; send 1 to " + MAX_BATCH_ROWS + " rows");
        }
        if (instances.size() > MAX_BATCH_ROWS) {
            throw ApiException.tooLarge(INSTANCES, "instances holds " + instances.size()
                    + " rows; at most " + MAX_BATCH_ROWS + " per request");
        }
        List<IrisFeatures> rows = new ArrayList<>(instances.size());
        for (int i = 0; i < instances.size(); i++) {
            JsonNode row = instances.get(i);
            String prefix = INSTANCES + "[" + i + "]";
            if (!row.isObject()) {
                throw ApiException.badRequest(prefix, prefix + " must be a JSON object, got " + describe(row));
            }
            rows.add(features(row, prefix + "."));
        }
        return rows;
    }

    private static IrisFeatures features(JsonNode node, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!IrisFeatures.NAMES.contains(name)) {
                throw ApiException.badRequest(prefix + name, "unknown field '" + prefix + name + "'; expected "
                        + String.join(", ", IrisFeatures.NAMES));
            }
        }
        double[] values = new double[IrisFeatures.NAMES.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = measurement(node, IrisFeatures.NAMES.get(i), prefix);
        }
        return new IrisFeatures(values[0], values[1], values[2], values[3]);
    }

    private static double measurement(JsonNode node, String name, String prefix) {
        String field = prefix + name;
        JsonNode value = node.get(name);
        if (value == null) {
            throw ApiException.badRequest(field, "missing field '" + field + "'");
        }
        if (!value.isNumber()) {
            throw ApiException.badRequest(field, field + " must be a number (cm), got " + describe(value));
        }
        double v = value.doubleValue();
        if (!Double.isFinite(v)) {
            throw ApiException.badRequest(field, field + " must be a finite number, got " + value.asText());
        }
        if (v < 0) {
            throw ApiException.badRequest(field, field + " must not be negative, got " + v);
        }
        if (v > IrisFeatures.MAX_CM) {
            throw ApiException.badRequest(field, field + " = " + v + " cm is not a plausible iris measurement (max "
                    + (int) IrisFeatures.MAX_CM + " cm)");
        }
        return v;
    }

    /** Jackson's own words, without its source excerpt, plus where it stopped. */
    private static String malformed(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message.startsWith("Trailing token")) {
            message = "unexpected data after the JSON value";
        }
        int cut = message.indexOf(" (start marker");
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        message = message.split("\\R", 2)[0];
        var where = e.getLocation();
        return where == null ? "malformed JSON: " + message
                : "malformed JSON at line " + where.getLineNr() + ", column " + where.getColumnNr() + ": " + message;
    }

    /** True when the body opens with {@code {"instances"}: only a batch may exceed the single-body limit. */
    private static boolean startsAsBatch(byte[] body) {
        try (JsonParser parser = Json.MAPPER.createParser(body)) {
            return parser.nextToken() == JsonToken.START_OBJECT
                    && parser.nextToken() == JsonToken.FIELD_NAME
                    && INSTANCES.equals(parser.currentName());
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + shown;
    }
}
