package dev.mlobservatory.console.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.prom.QueryResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table as CSV, exactly: columns, order, numbers, and RFC 4180 quoting of awkward label values. */
class ResultCsvTest {

    private static QueryResult.Sample sample(double value, String... labels) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            m.put(labels[i], labels[i + 1]);
        }
        return new QueryResult.Sample(m, 1_700_000_000, value);
    }

    @Test
    void oneColumnPerLabelNameFirstThenValueInTheTablesOrder() {
        String csv = ResultCsv.of(new QueryResult.Vector(List.of(
                sample(5, "__name__", "ml_predictions_total", "model_version", "v2", "job", "api"),
                sample(20, "__name__", "ml_predictions_total", "model_version", "v1", "job", "api"),
                sample(0.25, "__name__", "up", "job", "prometheus"))));

        assertThat(csv).isEqualTo("""
                __name__,job,model_version,value\r
                ml_predictions_total,api,v1,20\r
                ml_predictions_total,api,v2,5\r
                up,prometheus,,0.25\r
                """);
    }

    @Test
    void commasQuotesAndLineBreaksInLabelValuesAreQuotedWithQuotesDoubled() {
        String csv = ResultCsv.of(new QueryResult.Vector(List.of(
                sample(1, "path", "/a,b", "msg", "say \"hi\"", "multi", "line1\nline2", "plain", "ok"))));

        assertThat(csv).isEqualTo("msg,multi,path,plain,value\r\n"
                + "\"say \"\"hi\"\"\",\"line1\nline2\",\"/a,b\",ok,1\r\n");
    }

    @Test
    void valuesAreWrittenAsPrometheusWritesThem() {
        String csv = ResultCsv.of(new QueryResult.Vector(List.of(
                sample(Double.NaN, "k", "a"), sample(Double.POSITIVE_INFINITY, "k", "b"),
                sample(Double.NEGATIVE_INFINITY, "k", "c"), sample(1e-7, "k", "d"), sample(-3, "k", "e"))));

        assertThat(csv).isEqualTo("k,value\r\na,NaN\r\nb,+Inf\r\nc,-Inf\r\nd,1.0E-7\r\ne,-3\r\n");
    }

    @Test
    void aScalarResultHasNoLabelColumns() {
        assertThat(ResultCsv.of(new QueryResult.Vector(List.of(sample(2))))).isEqualTo("value\r\n2\r\n");
        assertThat(ResultCsv.of(new QueryResult.Vector(List.of()))).isEqualTo("value\r\n");
    }
}
