package dev.mlobservatory.console.prom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Reading Prometheus's result JSON, native histograms included: Prometheus 3 answers {@code histogram} (instant) and
 * {@code histograms} (range) where a float sample has {@code value} and {@code values}; a reader that only knew the
 * latter failed on every native series with a NullPointerException shown to the user.
 */
class QueryResultParsingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static QueryResult parse(String data) throws Exception {
        JsonNode node = JSON.readTree(data.replace('\'', '"'));
        return PrometheusClient.parseResult(node);
    }

    @Test
    void anInstantNativeHistogramKeepsItsCountSumAndBuckets() throws Exception {
        QueryResult r = parse("{'resultType':'vector','result':["
                + "{'metric':{'model_version':'v1'},'histogram':[1700000000.5,{'count':'392','sum':'450.25',"
                + "'buckets':[[0,'0.9','1','12'],[0,'1','1.09','380']]}]},"
                + "{'metric':{'model_version':'v2'},'value':[1700000000.5,'7']}]}");

        QueryResult.Vector v = (QueryResult.Vector) r;
        QueryResult.Sample h = v.samples().get(0);
        assertThat(h.histogram()).isEqualTo(new QueryResult.NativeHistogram(392, 450.25, 2));
        assertThat(h.value()).isNaN();
        assertThat(h.time()).isEqualTo(1700000000.5);
        assertThat(h.shown(String::valueOf)).isEqualTo("native histogram: count 392.0 · sum 450.25 · 2 buckets");
        assertThat(v.samples().get(1).histogram()).isNull();
        assertThat(v.samples().get(1).shown(String::valueOf)).isEqualTo("7.0");
        assertThat(QueryResult.hasHistograms(r)).isTrue();
    }

    @Test
    void aRangeSeriesMergesFloatAndHistogramPointsInTimeOrder() throws Exception {
        QueryResult r = parse("{'resultType':'matrix','result':[{'metric':{},"
                + "'values':[[10,'1'],[30,'3']],"
                + "'histograms':[[20,{'count':'2','sum':'1','buckets':[]}],[40,{'count':'4','sum':'2'}]]}]}");

        QueryResult.Series s = ((QueryResult.Matrix) r).series().get(0);
        assertThat(s.times()).containsExactly(10, 20, 30, 40);
        assertThat(s.values()[0]).isEqualTo(1);
        assertThat(s.values()[1]).isNaN();
        assertThat(s.values()[2]).isEqualTo(3);
        assertThat(s.values()[3]).isNaN();
        assertThat(s.histograms()).isEqualTo(2);
        assertThat(QueryResult.hasHistograms(r)).isTrue();
    }

    @Test
    void floatsOnlyHaveNoHistograms() throws Exception {
        QueryResult r = parse("{'resultType':'matrix','result':[{'metric':{'a':'b'},'values':[[10,'NaN'],[20,'+Inf']]}]}");

        QueryResult.Series s = ((QueryResult.Matrix) r).series().get(0);
        assertThat(s.histograms()).isZero();
        assertThat(s.values()[1]).isInfinite();
        assertThat(QueryResult.hasHistograms(r)).isFalse();
    }

    @Test
    void aMalformedSampleIsPrometheusFaultSaidAsSuchNotANullPointer() {
        assertThatThrownBy(() -> parse("{'resultType':'vector','result':[{'metric':{},'value':[1]}]}"))
                .isInstanceOf(PrometheusException.class).hasMessageContaining("[time, value]");
        assertThatThrownBy(() -> parse("{'resultType':'vector','result':[{'metric':{},'histogram':[1,'x']}]}"))
                .isInstanceOf(PrometheusException.class).hasMessageContaining("histogram");
    }
}
