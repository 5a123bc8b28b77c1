package dev.mlobservatory.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlobservatory.api.chaos.FaultInjector;
import dev.mlobservatory.api.chaos.FaultSettings;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /admin/faults} shows the injected faults; {@code PUT /admin/faults} replaces them with
 * {@code {"latency_ms":…, "latency_jitter_ms":…, "error_ratio":…, "model_version":"v1"|"v2"|null}}
 * (a field left out is 0, or null for the version). Only routed when the server runs with faults enabled.
 */
public final class FaultsEndpoint {

    public static final int MAX_BODY_BYTES = 4 * 1024;
    private static final Set<String> FIELDS = Set.of("latency_ms", "latency_jitter_ms", "error_ratio", "model_version");

    private final FaultInjector faults;
    private final List<String> versions;

    public FaultsEndpoint(FaultInjector faults, List<String> versions) {
        this.faults = faults;
        this.versions = List.copyOf(versions);
    }

    public void get(HttpServerExchange exchange) {
        Json.send(exchange, StatusCodes.OK, faults.settings());
    }

    public void put(HttpServerExchange exchange) {
        RequestBody.requireJson(exchange);
        FaultSettings next = parse(RequestBody.read(exchange, MAX_BODY_BYTES));
        faults.set(next);
        Json.send(exchange, StatusCodes.OK, next);
    }

    FaultSettings parse(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest(null, "malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest(null, "body must be a JSON object with " + String.join(", ", FIELDS));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest(name, "unknown field " + name + "; expected " + String.join(", ", FIELDS));
            }
        }
        String version = null;
        JsonNode v = root.path("model_version");
        if (!v.isMissingNode() && !v.isNull()) {
            if (!v.isTextual() || !versions.contains(v.asText())) {
                throw ApiException.badRequest("model_version", "model_version must be one of " + versions
                        + " or null (both), got " + v);
            }
            version = v.asText();
        }
        try {
            return new FaultSettings(number(root, "latency_ms"), number(root, "latency_jitter_ms"),
                    number(root, "error_ratio"), version);
        } catch (FaultSettings.InvalidFaultException e) {
            throw ApiException.badRequest(e.field(), e.getMessage());
        }
    }

    private static double number(JsonNode root, String field) {
        JsonNode n = root.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return 0;
        }
        if (!n.isNumber()) {
            throw ApiException.badRequest(field, field + " must be a number, got " + n);
        }
        return n.asDouble();
    }
}
