package dev.mlobservatory.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The panels and PromQL expressions of a Grafana dashboard JSON. */
record Dashboard(JsonNode json, List<Query> queries) {

    /** One target of one panel. */
    record Query(String panel, String refId, String expr) {
        /** The expression as Prometheus would receive it from Grafana, with every model version selected. */
        String substituted(String rateInterval) {
            return expr.replace("$__rate_interval", rateInterval).replace("$model_version", ".*");
        }
    }

    static Dashboard load(Path file) throws IOException {
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new Query(panel.path("title").asText(), target.path("refId").asText(),
                        target.path("expr").asText()));
            }
        }
        return new Dashboard(json, List.copyOf(queries));
    }
}
