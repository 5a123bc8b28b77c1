package dev.mlobservatory.console.explain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlobservatory.console.explain.ExplainNode.At;
import dev.mlobservatory.console.explain.ExplainNode.Matcher;
import dev.mlobservatory.console.explain.ExplainNode.Matching;
import dev.mlobservatory.console.explain.ExplainNode.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the JSON tree of Prometheus 3's {@code /api/v1/parse_query} into {@link ExplainNode}s. Fields the console
 * does not use (positions, newer versions' extras) are ignored; a node type it does not know is an error that names
 * it, rather than a tree with a hole.
 */
public final class SyntaxTree {

    private SyntaxTree() {
    }

    /**
     * The node {@code json} describes, with everything inside it.
     *
     * @throws IllegalArgumentException naming the node type or field that is not what Prometheus 3 writes
     */
    public static ExplainNode parse(JsonNode json) {
        String type = json.path("type").asText("");
        return switch (type) {
            case "vectorSelector" -> vectorSelector(json);
            case "matrixSelector" -> new ExplainNode.MatrixSelector(vectorSelector(json), millis(json, "range"));
            case "subquery" -> new ExplainNode.Subquery(parse(json.path("expr")), millis(json, "range"),
                    millis(json, "step"), millis(json, "offset"), at(json));
            case "call" -> call(json);
            case "aggregation" -> new ExplainNode.Aggregation(json.path("op").asText(), parse(json.path("expr")),
                    json.path("param").isObject() ? parse(json.path("param")) : null, strings(json.path("grouping")),
                    json.path("without").asBoolean(false));
            case "binaryExpr" -> new ExplainNode.Binary(json.path("op").asText(), parse(json.path("lhs")),
                    parse(json.path("rhs")), matching(json.path("matching")), json.path("bool").asBoolean(false));
            case "parenExpr" -> new ExplainNode.Paren(parse(json.path("expr")));
            case "unaryExpr" -> new ExplainNode.Unary(json.path("op").asText(), parse(json.path("expr")));
            case "numberLiteral" -> new ExplainNode.NumberLiteral(json.path("val").asText());
            case "stringLiteral" -> new ExplainNode.StringLiteral(json.path("val").asText());
            default -> throw new IllegalArgumentException(type.isEmpty()
                    ? "a syntax tree node without a type: " + abbreviate(json)
                    : "a syntax tree node of a type the console does not know: '" + type + "'");
        };
    }

    private static ExplainNode.VectorSelector vectorSelector(JsonNode json) {
        List<Matcher> matchers = new ArrayList<>();
        for (JsonNode m : json.path("matchers")) {
            matchers.add(new Matcher(m.path("name").asText(), m.path("type").asText(), m.path("value").asText()));
        }
        return new ExplainNode.VectorSelector(json.path("name").asText(""), matchers, millis(json, "offset"), at(json));
    }

    private static ExplainNode call(JsonNode json) {
        List<ExplainNode> args = new ArrayList<>();
        for (JsonNode a : json.path("args")) {
            args.add(parse(a));
        }
        JsonNode func = json.path("func");
        return new ExplainNode.Call(func.path("name").asText(), valueType(func.path("returnType").asText()), args);
    }

    /** Prometheus's value type names: "vector", "matrix", "scalar", "string". */
    static ValueType valueType(String name) {
        try {
            return ValueType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PromQL value type: '" + name + "'");
        }
    }

    private static Matching matching(JsonNode json) {
        if (!json.isObject()) {
            return null; // not both sides instant vectors
        }
        return new Matching(json.path("card").asText(), json.path("on").asBoolean(false),
                strings(json.path("labels")), strings(json.path("include")));
    }

    /** {@code timestamp} (ms) for {@code @ 1700000000}, or {@code startOrEnd} for {@code @ start()} / {@code @ end()}. */
    private static At at(JsonNode json) {
        JsonNode timestamp = json.path("timestamp");
        if (timestamp.isNumber()) {
            return new At(At.Kind.TIME, timestamp.asLong());
        }
        return switch (json.path("startOrEnd").asText("")) {
            case "start" -> new At(At.Kind.START, 0);
            case "end" -> new At(At.Kind.END, 0);
            default -> At.NONE;
        };
    }

    private static long millis(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (!value.isMissingNode() && !value.isNull() && !value.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + field + "' should be milliseconds, got " + value);
        }
        return value.asLong(0);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String abbreviate(JsonNode json) {
        String text = json.toString();
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }
}
