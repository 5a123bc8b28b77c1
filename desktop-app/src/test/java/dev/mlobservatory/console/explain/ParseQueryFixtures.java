package dev.mlobservatory.console.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prometheus 3.5.3's answers for a set of expressions covering every node type and modifier, captured with curl
 * ({@code parse-query-3.5.3.json}): the tree of {@code parse_query} and the one-line text of {@code format_query}.
 */
final class ParseQueryFixtures {

    /** One expression: as typed, as Prometheus prints it, and its tree. */
    record Case(String query, String printed, JsonNode tree) {
        @Override
        public String toString() {
            return query;
        }
    }

    private ParseQueryFixtures() {
    }

    static List<Case> cases() {
        try (InputStream in = ParseQueryFixtures.class.getResourceAsStream("parse-query-3.5.3.json")) {
            if (in == null) {
                throw new IllegalStateException("parse-query-3.5.3.json is missing from the test resources");
            }
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : new ObjectMapper().readTree(in).path("cases")) {
                cases.add(new Case(c.path("query").asText(), c.path("printed").asText(), c.path("tree")));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every node of every case's tree, for the coverage checks. */
    static List<JsonNode> allNodes() {
        List<JsonNode> out = new ArrayList<>();
        for (Case c : cases()) {
            collect(c.tree(), out);
        }
        return out;
    }

    private static void collect(JsonNode json, List<JsonNode> out) {
        if (json.isObject() && json.has("type")) {
            out.add(json);
        }
        for (String child : List.of("expr", "param", "lhs", "rhs")) {
            if (json.path(child).isObject()) {
                collect(json.path(child), out);
            }
        }
        json.path("args").forEach(a -> collect(a, out));
    }
}
