package dev.mlobservatory.console.silence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlobservatory.console.prom.UnreachableException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The parts of Alertmanager's API v2 the console uses: its version, the silences (list, create, expire) and the
 * alerts with their status. Blocking calls: run them on the application's executor, never on the FX thread. Errors:
 * {@link UnreachableException} when nothing answers, {@link AlertmanagerException} with Alertmanager's own words
 * when it refuses.
 */
public final class AlertmanagerClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final HttpUrl base;
    private final OkHttpClient http;

    public AlertmanagerClient(String baseUrl, OkHttpClient http) {
        HttpUrl parsed = baseUrl == null ? null : HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: '" + baseUrl + "'");
        }
        this.base = parsed;
        this.http = http;
    }

    public String baseUrl() {
        return base.toString().replaceAll("/$", "");
    }

    /** Alertmanager's version, "0.33.1", from {@code /api/v2/status}. */
    public String version() throws IOException, AlertmanagerException {
        return call(get("api/v2/status")).path("versionInfo").path("version").asText("");
    }

    /** Every silence Alertmanager keeps, expired ones included (it keeps those for a while). */
    public List<Silence> silences() throws IOException, AlertmanagerException {
        List<Silence> out = new ArrayList<>();
        for (JsonNode s : call(get("api/v2/silences"))) {
            List<Matcher> matchers = new ArrayList<>();
            for (JsonNode m : s.path("matchers")) {
                matchers.add(new Matcher(m.path("name").asText(), Matcher.Op.of(m.path("isRegex").asBoolean(false),
                        m.path("isEqual").asBoolean(true)), m.path("value").asText("")));
            }
            out.add(new Silence(s.path("id").asText(), matchers, instant(s.path("startsAt")), instant(s.path("endsAt")),
                    s.path("createdBy").asText(""), s.path("comment").asText(""),
                    Silence.State.parse(s.path("status").path("state").asText())));
        }
        return out;
    }

    /** Creates a silence from {@code startsAt} to {@code endsAt}; returns its id. */
    public String create(List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment)
            throws IOException, AlertmanagerException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("matchers");
        for (Matcher m : matchers) {
            list.addObject().put("name", m.name()).put("value", m.value())
                    .put("isRegex", m.op().isRegex()).put("isEqual", m.op().isEqual());
        }
        body.put("startsAt", startsAt.toString()).put("endsAt", endsAt.toString())
                .put("createdBy", createdBy).put("comment", comment);
        Request post = new Request.Builder().url(url("api/v2/silences"))
                .post(RequestBody.create(body.toString(), JSON_TYPE)).build();
        String id = call(post).path("silenceID").asText("");
        if (id.isEmpty()) {
            throw new AlertmanagerException(200, "Alertmanager created the silence but gave no id back");
        }
        return id;
    }

    /** Expires the silence {@code id} now (Alertmanager keeps it, as expired). */
    public void expire(String id) throws IOException, AlertmanagerException {
        HttpUrl url = base.newBuilder().addPathSegments("api/v2/silence").addPathSegment(id).build();
        try {
            call(new Request.Builder().url(url).delete().build());
        } catch (AlertmanagerException e) {
            if (e.status() == 404) {
                throw new AlertmanagerException(404, "Alertmanager has no silence " + id + " (already gone?)");
            }
            throw e;
        }
    }

    /** Every alert Alertmanager holds, with whether it is active or suppressed, and by what. */
    public List<AmAlert> alerts() throws IOException, AlertmanagerException {
        List<AmAlert> out = new ArrayList<>();
        for (JsonNode a : call(get("api/v2/alerts"))) {
            JsonNode status = a.path("status");
            out.add(new AmAlert(strings(a.path("labels")), status.path("state").asText(), list(status.path("silencedBy")),
                    list(status.path("inhibitedBy")), instantOrNull(a.path("startsAt"))));
        }
        return out;
    }

    // --- plumbing -------------------------------------------------------------------------------------

    private HttpUrl url(String path) {
        return base.newBuilder().addPathSegments(path).build();
    }

    private Request get(String path) {
        return new Request.Builder().url(url(path)).build();
    }

    /** The JSON of a 2xx answer (an empty body reads as a missing node); any other status as an exception. */
    private JsonNode call(Request request) throws IOException, AlertmanagerException {
        int code;
        String body;
        try (Response r = http.newCall(request).execute()) {
            code = r.code();
            body = r.body().string();
        } catch (IOException e) {
            throw new UnreachableException("Alertmanager", baseUrl(), e);
        }
        if (code / 100 != 2) {
            throw new AlertmanagerException(code, message(code, body));
        }
        if (body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AlertmanagerException(code, "HTTP " + code + " from " + request.url().encodedPath()
                    + " is not JSON (is this really Alertmanager?)");
        }
    }

    /**
     * Alertmanager's reason, as it gives it: a JSON string for a refused silence ("invalid silence: …"), an object
     * with {@code message} for a request its API schema rejects; else the body's first line, or the status.
     */
    static String message(int code, String body) {
        String text = body == null ? "" : body.strip();
        try {
            JsonNode json = JSON.readTree(text);
            if (json != null && json.isTextual()) {
                text = json.asText();
            } else if (json != null && json.hasNonNull("message")) {
                text = json.path("message").asText();
            }
        } catch (IOException notJson) {
            // plain text (a proxy's page, a 404 from another server): its first line is all a student needs
        }
        text = text.lines().findFirst().orElse("").strip();
        if (text.length() > 300) {
            text = text.substring(0, 300) + "…";
        }
        return text.isEmpty() ? "HTTP " + code : text;
    }

    private static Instant instant(JsonNode text) throws AlertmanagerException {
        Instant i = instantOrNull(text);
        if (i == null) {
            throw new AlertmanagerException(200, "Alertmanager listed a silence without a valid time: " + text);
        }
        return i;
    }

    private static Instant instantOrNull(JsonNode text) {
        try {
            return text.isTextual() ? Instant.parse(text.asText()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new HashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
