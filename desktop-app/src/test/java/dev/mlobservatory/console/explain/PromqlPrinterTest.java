package dev.mlobservatory.console.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The printer against Prometheus 3.5.3's own answers: each captured tree prints exactly as Prometheus's {@code
 * format_query} printed it (on one line), and the captures cover every node type and modifier.
 */
class PromqlPrinterTest {

    static List<ParseQueryFixtures.Case> cases() {
        return ParseQueryFixtures.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsEachTreeAsPrometheusPrintsIt(ParseQueryFixtures.Case c) {
        assertThat(PromqlPrinter.print(SyntaxTree.parse(c.tree()))).isEqualTo(c.printed());
    }

    @Test
    void theCapturesCoverEveryNodeTypeAndModifier() {
        List<JsonNode> nodes = ParseQueryFixtures.allNodes();
        assertThat(nodes.stream().map(n -> n.path("type").asText()).collect(Collectors.toSet()))
                .isEqualTo(Set.of("call", "numberLiteral", "stringLiteral", "aggregation", "matrixSelector",
                        "vectorSelector", "binaryExpr", "parenExpr", "subquery", "unaryExpr"));
        assertThat(nodes).as("offset, both ways").anyMatch(n -> n.path("offset").asLong() > 0)
                .anyMatch(n -> n.path("offset").asLong() < 0);
        assertThat(nodes).as("@ <time>, @ start(), @ end()").anyMatch(n -> n.path("timestamp").isNumber())
                .anyMatch(n -> n.path("startOrEnd").asText().equals("start"))
                .anyMatch(n -> n.path("startOrEnd").asText().equals("end"));
        assertThat(nodes).as("subquery with and without a step").filteredOn(n -> n.path("type").asText().equals(
                "subquery")).anyMatch(n -> n.path("step").asLong() > 0).anyMatch(n -> n.path("step").asLong() == 0);
        assertThat(nodes).as("bool").anyMatch(n -> n.path("bool").asBoolean());
        assertThat(nodes).as("on, ignoring, group_left, group_right, and on ()")
                .anyMatch(n -> n.path("matching").path("on").asBoolean() && n.path("matching").path("labels").size() > 0)
                .anyMatch(n -> !n.path("matching").path("on").asBoolean(true)
                        && n.path("matching").path("labels").size() > 0)
                .anyMatch(n -> n.path("matching").path("card").asText().equals("many-to-one"))
                .anyMatch(n -> n.path("matching").path("card").asText().equals("one-to-many"))
                .anyMatch(n -> n.path("matching").path("on").asBoolean() && n.path("matching").path("labels").isEmpty());
        assertThat(nodes).as("by, without, a parameter").anyMatch(n -> n.path("without").asBoolean())
                .anyMatch(n -> n.path("grouping").size() > 0 && !n.path("without").asBoolean())
                .anyMatch(n -> n.path("param").isObject());
        assertThat(nodes).as("Inf, NaN, a negative number").anyMatch(n -> n.path("val").asText().equals("+Inf"))
                .anyMatch(n -> n.path("val").asText().equals("NaN")).anyMatch(n -> n.path("val").asText().equals("-Inf"))
                .anyMatch(n -> n.path("val").asText().equals("-1"));
        assertThat(nodes).as("a string with quotes, backslashes and control characters")
                .anyMatch(n -> n.path("type").asText().equals("stringLiteral") && n.path("val").asText().contains("\\")
                        && n.path("val").asText().contains("\"") && n.path("val").asText().contains("\n"));
    }

    @Test
    void durationsReadAsPrometheusWritesThem() {
        assertThat(PromqlPrinter.duration(300_000)).isEqualTo("5m");
        assertThat(PromqlPrinter.duration(5_400_000)).isEqualTo("1h30m");
        assertThat(PromqlPrinter.duration(90_000_000)).isEqualTo("1d1h");
        assertThat(PromqlPrinter.duration(7L * 86_400_000)).isEqualTo("1w");
        assertThat(PromqlPrinter.duration(365L * 86_400_000)).isEqualTo("1y");
        // Weeks and years only when they divide exactly: 90d reads better than 12w6d.
        assertThat(PromqlPrinter.duration(90L * 86_400_000)).isEqualTo("90d");
        assertThat(PromqlPrinter.duration(90_500)).isEqualTo("1m30s500ms");
        assertThat(PromqlPrinter.duration(0)).isEqualTo("0s");
    }

    @Test
    void stringsAreQuotedWithGoEscapes() {
        assertThat(PromqlPrinter.quote("a\"b\\c\n\t")).isEqualTo("\"a\\\"b\\\\c\\n\\t\"");
        assertThat(PromqlPrinter.quote("\u0001é")).isEqualTo("\"\\x01é\"");
        assertThat(PromqlPrinter.label("le")).isEqualTo("le");
        assertThat(PromqlPrinter.label("my.label")).isEqualTo("\"my.label\"");
    }

    @Test
    void aNodeTypeTheConsoleDoesNotKnowIsNamed() throws Exception {
        JsonNode future = new ObjectMapper().readTree("{\"type\":\"durationExpr\",\"op\":\"+\"}");
        assertThatThrownBy(() -> SyntaxTree.parse(future)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a syntax tree node of a type the console does not know: 'durationExpr'");
    }
}
