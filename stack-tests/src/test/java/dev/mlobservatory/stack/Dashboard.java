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

        /**
         * A quantile from a native histogram: {@code histogram_quantile} over a histogram's own name, not its
         * {@code _bucket} series. Prometheus 2.x never has such a series, so the query answers with nothing there.
         */
        boolean isNative() {
            return expr.contains("histogram_quantile") && !expr.contains("_bucket");
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
