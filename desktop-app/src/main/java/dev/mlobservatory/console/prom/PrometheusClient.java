package dev.mlobservatory.console.prom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The parts of Prometheus's HTTP API the console uses. Blocking calls: run them on the application's executor,
 * never on the FX thread. Errors: {@link UnreachableException} when nothing answers, {@link PrometheusException}
 * when Prometheus answers with an error (its errorType and message kept as they are).
 */
public final class PrometheusClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpUrl base;
    private final OkHttpClient http;

    public PrometheusClient(String baseUrl, OkHttpClient http) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: '" + baseUrl + "'");
        }
        this.base = parsed;
        this.http = http;
    }

    /** A client with short timeouts, for a Prometheus on this machine. */
    public static OkHttpClient defaultHttp() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(15))
                .callTimeout(Duration.ofSeconds(20))
                .build();
    }

    public String baseUrl() {
        return base.toString().replaceAll("/$", "");
    }

    /** True when {@code /-/ready} answers 200. */
    public boolean ready() {
        try (Response r = http.newCall(new Request.Builder().url(url("-/ready")).build()).execute()) {
            return r.code() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public String version() throws IOException, PrometheusException {
        return get(url("api/v1/status/buildinfo")).path("version").asText();
    }

    /** A query's result with what Prometheus said about it. */
    public record Answer<R extends QueryResult>(R result, QueryNotes notes) {
    }

    /** An instant query at the current time. */
    public QueryResult query(String promql) throws IOException, PrometheusException {
        return queryWithNotes(promql).result();
    }

    /** An instant query at the current time, with Prometheus's warnings and infos. */
    public Answer<QueryResult> queryWithNotes(String promql) throws IOException, PrometheusException {
        JsonNode whole = callWhole(post(url("api/v1/query"), new FormBody.Builder().add("query", promql).build()));
        return new Answer<>(parseResult(whole.path("data")), notes(whole));
    }

    /**
     * An instant query at {@code time} (epoch seconds), with Prometheus's warnings and infos: Explain evaluates every
     * node of an expression at one time, so that the parts add up to the whole.
     */
    public Answer<QueryResult> queryAt(String promql, double time) throws IOException, PrometheusException {
        FormBody form = new FormBody.Builder().add("query", promql).add("time", fmt(time)).build();
        JsonNode whole = callWhole(post(url("api/v1/query"), form));
        return new Answer<>(parseResult(whole.path("data")), notes(whole));
    }

    /**
     * The syntax tree of {@code promql} ({@code /api/v1/parse_query}, Prometheus 3 and later), posted as a form so a
     * long expression fits. A Prometheus without the endpoint (2.x: 404) gives {@link ParseAnswer.Unsupported} with
     * its version; an expression that does not parse gives a {@link PrometheusException} in Prometheus's words.
     */
    public ParseAnswer parseQuery(String promql) throws IOException, PrometheusException {
        Request request = post(url("api/v1/parse_query"), new FormBody.Builder().add("query", promql).build());
        Raw raw = execute(request);
        if (raw.code() == 404) {
            return new ParseAnswer.Unsupported(version());
        }
        return new ParseAnswer.Tree(interpret(request, raw).path("data"));
    }

    /** A range query; times in epoch seconds. */
    public QueryResult.Matrix queryRange(String promql, double start, double end, double stepSeconds)
            throws IOException, PrometheusException {
        return queryRangeWithNotes(promql, start, end, stepSeconds).result();
    }

    /** A range query with Prometheus's warnings and infos; times in epoch seconds. */
    public Answer<QueryResult.Matrix> queryRangeWithNotes(String promql, double start, double end, double stepSeconds)
            throws IOException, PrometheusException {
        FormBody form = new FormBody.Builder()
                .add("query", promql)
                .add("start", fmt(start))
                .add("end", fmt(end))
                .add("step", fmt(stepSeconds))
                .build();
        JsonNode whole = callWhole(post(url("api/v1/query_range"), form));
        QueryResult r = parseResult(whole.path("data"));
        if (r instanceof QueryResult.Matrix m) {
            return new Answer<>(m, notes(whole));
        }
        throw new PrometheusException("bad_data", "a range query answered with " + r.getClass().getSimpleName());
    }

    /** The {@code warnings} (2.x and 3.x) and {@code infos} (3.x) beside a successful answer's data. */
    static QueryNotes notes(JsonNode whole) {
        return new QueryNotes(strings(whole.path("warnings")), strings(whole.path("infos")));
    }

    /** Every metric name Prometheus knows, for completion. */
    public List<String> metricNames() throws IOException, PrometheusException {
        return strings(get(url("api/v1/label/__name__/values")));
    }

    /** Every label name, for completion. */
    public List<String> labelNames() throws IOException, PrometheusException {
        return strings(get(url("api/v1/labels")));
    }

    public List<AlertRule> alertRules() throws IOException, PrometheusException {
        JsonNode data = get(base.newBuilder().addPathSegments("api/v1/rules").addQueryParameter("type", "alert").build());
        List<AlertRule> rules = new ArrayList<>();
        for (JsonNode group : data.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                JsonNode alert = mostAdvanced(rule.path("alerts"));
                rules.add(new AlertRule(
                        rule.path("name").asText(),
                        rule.path("state").asText("inactive"),
                        alert == null ? null : instant(alert.path("activeAt").asText(null)),
                        alert == null ? Double.NaN : number(alert.path("value").asText("NaN")),
                        rule.path("duration").asDouble(0),
                        rule.path("labels").path("severity").asText(""),
                        rule.path("query").asText(""),
                        labels(rule.path("annotations")),
                        // An active alert's annotations have their {{ $labels… }} filled in; the rule's are templates.
                        alert == null ? Map.of() : labels(alert.path("annotations")),
                        alert == null ? Map.of() : labels(alert.path("labels"))));
            }
        }
        return rules;
    }

    public List<ScrapeTarget> targets() throws IOException, PrometheusException {
        JsonNode data = get(base.newBuilder().addPathSegments("api/v1/targets").addQueryParameter("state", "active").build());
        List<ScrapeTarget> targets = new ArrayList<>();
        for (JsonNode t : data.path("activeTargets")) {
            targets.add(new ScrapeTarget(
                    t.path("labels").path("job").asText(t.path("scrapePool").asText()),
                    t.path("labels").path("instance").asText(),
                    t.path("scrapeUrl").asText(),
                    t.path("health").asText("unknown"),
                    instant(t.path("lastScrape").asText(null)),
                    t.path("lastScrapeDuration").asDouble(0),
                    t.path("lastError").asText("")));
        }
        return targets;
    }

    /** One metric of one scrape job, with its type and help text, as {@code /api/v1/targets/metadata} gives them. */
    public record MetricMetadata(String job, String name, String type, String help) {
    }

    /**
     * Every scraped metric's type and help text by job (once per job, whichever instance answered first), sorted by
     * job and name: the job tells a student which metrics their API exports and which come from elsewhere.
     */
    public List<MetricMetadata> metadata() throws IOException, PrometheusException {
        JsonNode data = get(base.newBuilder().addPathSegments("api/v1/targets/metadata")
                .addQueryParameter("match_target", "{job=~\".+\"}").build());
        Map<String, MetricMetadata> byJobAndName = new HashMap<>();
        for (JsonNode m : data) {
            String job = m.path("target").path("job").asText("");
            String name = m.path("metric").asText("");
            byJobAndName.putIfAbsent(job + " " + name, new MetricMetadata(job, name, m.path("type").asText(""),
                    m.path("help").asText("")));
        }
        List<MetricMetadata> all = new ArrayList<>(byJobAndName.values());
        all.sort(Comparator.comparing(MetricMetadata::job).thenComparing(MetricMetadata::name));
        return all;
    }

    // --- plumbing -------------------------------------------------------------------------------------

    private HttpUrl url(String path) {
        return base.newBuilder().addPathSegments(path).build();
    }

    private JsonNode get(HttpUrl url) throws IOException, PrometheusException {
        return call(new Request.Builder().url(url).build());
    }

    private Request post(HttpUrl url, FormBody form) {
        return new Request.Builder().url(url).post(form).build();
    }

    private JsonNode call(Request request) throws IOException, PrometheusException {
        return callWhole(request).path("data");
    }

    /** The whole JSON answer of a successful call: {@code data} and, for queries, {@code warnings} and {@code infos}. */
    private JsonNode callWhole(Request request) throws IOException, PrometheusException {
        return interpret(request, execute(request));
    }

    /** An answer's status code and body, before anything is made of them. */
    private record Raw(int code, String body) {
    }

    private Raw execute(Request request) throws UnreachableException {
        try (Response r = http.newCall(request).execute()) {
            return new Raw(r.code(), r.body().string());
        } catch (IOException e) {
            throw new UnreachableException("Prometheus", baseUrl(), e);
        }
    }

    private JsonNode interpret(Request request, Raw raw) throws PrometheusException {
        JsonNode json;
        try {
            json = JSON.readTree(raw.body());
        } catch (IOException e) {
            throw new PrometheusException("bad_response", "HTTP " + raw.code() + " from " + request.url().encodedPath()
                    + " is not JSON (is this really Prometheus?)");
        }
        if (!"success".equals(json.path("status").asText())) {
            throw new PrometheusException(json.path("errorType").asText("error"),
                    json.path("error").asText("HTTP " + raw.code()));
        }
        return json;
    }

    static QueryResult parseResult(JsonNode data) throws PrometheusException {
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        switch (type) {
            case "vector": {
                List<QueryResult.Sample> samples = new ArrayList<>();
                for (JsonNode s : result) {
                    JsonNode h = s.path("histogram");
                    if (h.isArray()) {
                        samples.add(new QueryResult.Sample(labels(s.path("metric")), point(h).get(0).asDouble(),
                                Double.NaN, histogram(point(h).get(1))));
                    } else {
                        JsonNode value = point(s.path("value"));
                        samples.add(new QueryResult.Sample(labels(s.path("metric")), value.get(0).asDouble(),
                                number(value.get(1).asText())));
                    }
                }
                return new QueryResult.Vector(samples);
            }
            case "matrix": {
                List<QueryResult.Series> series = new ArrayList<>();
                for (JsonNode s : result) {
                    series.add(series(labels(s.path("metric")), s.path("values"), s.path("histograms")));
                }
                return new QueryResult.Matrix(series);
            }
            case "scalar":
                return new QueryResult.Scalar(result.get(0).asDouble(), number(result.get(1).asText()));
            case "string":
                return new QueryResult.Text(result.get(0).asDouble(), result.get(1).asText());
            default:
                throw new PrometheusException("bad_response", "unknown result type '" + type + "'");
        }
    }

    /** A {@code [time, value]} pair, checked: a malformed answer is Prometheus's fault, said as such. */
    private static JsonNode point(JsonNode pair) throws PrometheusException {
        if (!pair.isArray() || pair.size() != 2) {
            throw new PrometheusException("bad_response", "a sample is not a [time, value] pair: " + pair);
        }
        return pair;
    }

    /**
     * One series of a range answer. Prometheus 3 lists float points under {@code values} and native-histogram
     * points under {@code histograms}, each in time order; the two are merged in time order, a histogram point
     * taking NaN as its value.
     */
    private static QueryResult.Series series(Map<String, String> labels, JsonNode values, JsonNode histograms)
            throws PrometheusException {
        int n = values.size() + histograms.size();
        double[] t = new double[n];
        double[] v = new double[n];
        int i = 0;
        int j = 0;
        for (int k = 0; k < n; k++) {
            boolean takeFloat = j >= histograms.size()
                    || i < values.size() && point(values.get(i)).get(0).asDouble()
                            <= point(histograms.get(j)).get(0).asDouble();
            if (takeFloat) {
                t[k] = point(values.get(i)).get(0).asDouble();
                v[k] = number(values.get(i).get(1).asText());
                i++;
            } else {
                t[k] = point(histograms.get(j)).get(0).asDouble();
                v[k] = Double.NaN;
                j++;
            }
        }
        return new QueryResult.Series(labels, t, v, histograms.size());
    }

    /** A native histogram's sample: {@code count} and {@code sum} as strings, {@code buckets} as a list. */
    private static QueryResult.NativeHistogram histogram(JsonNode h) throws PrometheusException {
        if (!h.isObject()) {
            throw new PrometheusException("bad_response", "a histogram sample is not an object: " + h);
        }
        return new QueryResult.NativeHistogram(number(h.path("count").asText("NaN")),
                number(h.path("sum").asText("NaN")), h.path("buckets").size());
    }

    /** Prometheus writes values as strings, including "NaN", "+Inf" and "-Inf". */
    static double number(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static Map<String, String> labels(JsonNode metric) {
        Map<String, String> labels = new HashMap<>();
        metric.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Firing beats pending beats inactive. */
    private static JsonNode mostAdvanced(JsonNode alerts) {
        JsonNode best = null;
        for (JsonNode a : alerts) {
            if (best == null || "firing".equals(a.path("state").asText())) {
                best = a;
            }
        }
        return best;
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
