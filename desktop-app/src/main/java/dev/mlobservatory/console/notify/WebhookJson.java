package dev.mlobservatory.console.notify;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Alertmanager's webhook JSON into a {@link WebhookMessage}, field by field, so that a bad body is refused
 * with a line that names the field ("alerts[0].startsAt is not a time: \"yesterday\"") rather than a parser's
 * stack trace. Unknown fields are ignored: a newer Alertmanager may add some.
 */
public final class WebhookJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Go's zero time, which Alertmanager sends as endsAt while an alert fires. */
    private static final int GO_ZERO_YEAR = 1;

    private WebhookJson() {
    }

    /** @throws BadWebhookException with a one-line reason when {@code body} is not a version 4 notification */
    public static WebhookMessage parse(byte[] body) throws BadWebhookException {
        if (body.length == 0) {
            throw new BadWebhookException("the body is empty: expected Alertmanager's webhook JSON");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new BadWebhookException("the body is not JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BadWebhookException("the body could not be read: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new BadWebhookException("the body must be a JSON object (Alertmanager's webhook payload)");
        }
        try {
            List<WebhookAlert> alerts = new ArrayList<>();
            JsonNode list = root.get("alerts");
            if (list != null && !list.isNull()) {
                if (!list.isArray()) {
                    throw new IllegalArgumentException("alerts must be a list");
                }
                for (int i = 0; i < list.size(); i++) {
                    alerts.add(alert(list.get(i), "alerts[" + i + "]."));
                }
            }
            JsonNode truncated = root.get("truncatedAlerts");
            if (truncated != null && !truncated.isNull() && !truncated.canConvertToInt()) {
                throw new IllegalArgumentException("truncatedAlerts must be a whole number, got " + truncated);
            }
            return new WebhookMessage(text(root, "version", ""), text(root, "groupKey", ""),
                    truncated == null ? 0 : truncated.asInt(), status(root, ""), text(root, "receiver", ""),
                    strings(root, "groupLabels", ""), strings(root, "commonLabels", ""),
                    strings(root, "commonAnnotations", ""), text(root, "externalURL", ""), alerts);
        } catch (IllegalArgumentException e) {
            throw new BadWebhookException(firstLine(e.getMessage()));
        }
    }

    private static WebhookAlert alert(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where.substring(0, where.length() - 1) + " must be an object");
        }
        try {
            return new WebhookAlert(status(node, where), strings(node, "labels", where),
                    strings(node, "annotations", where), time(node, "startsAt", where), time(node, "endsAt", where),
                    text(node, "generatorURL", where), text(node, "fingerprint", where));
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            // The record names the field without its place in the list: add it.
            throw new IllegalArgumentException(m.startsWith(where) ? m : where.substring(0, where.length() - 1)
                    + ": " + m);
        }
    }

    private static AlertStatus status(JsonNode node, String where) {
        try {
            return AlertStatus.of(text(node, "status", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage());
        }
    }

    /** The text of {@code field}; null when absent or null. */
    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(where + field + " must be a string, got " + v.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT));
        }
        return v.asText();
    }

    /** A map of strings ({@code {"alertname":"APIDown"}}); null when absent. */
    private static Map<String, String> strings(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new IllegalArgumentException(where + field + " must be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException(where + field + "." + e.getKey() + " must be a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** An RFC 3339 time; null when absent or Go's zero time ("0001-01-01T00:00:00Z": not ended). */
    private static Instant time(JsonNode node, String field, String where) {
        String text = text(node, field, where);
        if (text == null) {
            return null;
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(text);
            return t.getYear() <= GO_ZERO_YEAR ? null : t.toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + field + " is not an RFC 3339 time: \"" + shorten(text) + "\"");
        }
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown reason";
        }
        int nl = s.indexOf('\n');
        String line = (nl < 0 ? s : s.substring(0, nl)).strip();
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
