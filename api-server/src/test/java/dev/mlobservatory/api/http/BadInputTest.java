package dev.mlobservatory.api.http;

import static dev.mlobservatory.api.TestApi.flower;
import static dev.mlobservatory.api.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlobservatory.api.TestApi;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad request gets its 4xx, a JSON error naming the field, no stack trace, and the server stays up. */
class BadInputTest {

    private static final String GOOD = flower(5.1, 3.5, 1.4, 0.2);

    private TestApi api;

    @BeforeEach
    void start() {
        api = new TestApi();
    }

    @AfterEach
    void serverIsStillUp() {
        assertThat(api.get("/health").statusCode()).isEqualTo(200);
        api.close();
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"sepal_length\": 5.1,", 400, null),
                Arguments.of("not JSON at all", "hello", 400, null),
                Arguments.of("empty body", "", 400, null),
                Arguments.of("blank body", "  \n ", 400, null),
                Arguments.of("array instead of object", "[5.1, 3.5, 1.4, 0.2]", 400, null),
                Arguments.of("trailing garbage", GOOD + " x", 400, null),
                Arguments.of("duplicate key", "{\"sepal_length\":5.1,\"sepal_length\":5.1,\"sepal_width\":3.5,"
                        + "\"petal_length\":1.4,\"petal_width\":0.2}", 400, null),
                Arguments.of("missing field", "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4}",
                        400, "petal_width"),
                Arguments.of("unknown field", GOOD.replace("}", ",\"colour\":\"blue\"}"), 400, "colour"),
                Arguments.of("string value", GOOD.replace("3.5", "\"3.5\""), 400, "sepal_width"),
                Arguments.of("null value", GOOD.replace("1.4", "null"), 400, "petal_length"),
                Arguments.of("boolean value", GOOD.replace("0.2", "true"), 400, "petal_width"),
                Arguments.of("NaN", GOOD.replace("5.1", "NaN"), 400, "sepal_length"),
                Arguments.of("Infinity", GOOD.replace("3.5", "Infinity"), 400, "sepal_width"),
                Arguments.of("overflow to infinity", GOOD.replace("1.4", "1e400"), 400, "petal_length"),
                Arguments.of("negative", GOOD.replace("0.2", "-0.2"), 400, "petal_width"),
                Arguments.of("absurd", GOOD.replace("5.1", "100.5"), 400, "sepal_length"),
                Arguments.of("huge integer", GOOD.replace("5.1", "123456789012345678901234567890"), 400,
                        "sepal_length"),
                Arguments.of("empty batch", "{\"instances\":[]}", 400, "instances"),
                Arguments.of("batch not an array", "{\"instances\":{}}", 400, "instances"),
                Arguments.of("batch row not an object", "{\"instances\":[" + GOOD + ",7]}", 400, "instances[1]"),
                Arguments.of("bad field in batch row", "{\"instances\":[" + GOOD + "," + GOOD.replace("3.5", "-1")
                        + "]}", 400, "instances[1].sepal_width"),
                Arguments.of("unknown field beside instances", "{\"instances\":[" + GOOD + "],\"x\":1}", 400, "x"),
                Arguments.of("batch over 1000 rows", "{\"instances\":[" + (GOOD + ",").repeat(1000) + GOOD + "]}",
                        413, "instances"),
                Arguments.of("single body over 64 KiB", GOOD.replace("}", ",\"pad\":\"" + "x".repeat(70_000) + "\"}"),
                        413, null),
                Arguments.of("batch body over 512 KiB", "{\"instances\":[" + " ".repeat(600_000) + GOOD + "]}",
                        413, null));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badBodies")
    void badBodyIsRejectedWithAClearError(String name, String body, int status, String field) {
        HttpResponse<String> response = api.postJson("/v1/predict", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertCleanError(response, field);
    }

    @Test
    void contentTypeOtherThanJsonIs415() {
        HttpResponse<String> form = api.send(api.request("/v1/predict")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(GOOD)));
        HttpResponse<String> none = api.send(api.request("/v2/predict").POST(HttpRequest.BodyPublishers.ofString(GOOD)));

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(none.statusCode()).isEqualTo(415);
        assertCleanError(form, null);
        assertThat(json(form).get("error").asText()).contains("application/json");
    }

    @Test
    void jsonWithCharsetIsAccepted() {
        HttpResponse<String> response = api.send(api.request("/v1/predict")
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(GOOD)));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathIs404() {
        HttpResponse<String> response = api.get("/v3/predict");

        assertThat(response.statusCode()).isEqualTo(404);
        assertCleanError(response, null);
    }

    @Test
    void wrongMethodIs405WithAllow() {
        HttpResponse<String> getPredict = api.get("/v1/predict");
        HttpResponse<String> postHealth = api.postJson("/health", "{}");
        HttpResponse<String> deleteMetrics = api.send(api.request("/metrics").DELETE());

        assertThat(getPredict.statusCode()).isEqualTo(405);
        assertThat(getPredict.headers().firstValue("Allow")).hasValue("POST");
        assertThat(postHealth.statusCode()).isEqualTo(405);
        assertThat(postHealth.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(deleteMetrics.statusCode()).isEqualTo(405);
        assertCleanError(getPredict, null);
    }

    private static void assertCleanError(HttpResponse<String> response, String field) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(body.has("field")).isTrue();
        if (field == null) {
            assertThat(body.get("field").isNull()).isTrue();
        } else {
            assertThat(body.get("field").asText()).isEqualTo(field);
            assertThat(body.get("error").asText()).contains(field);
        }
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "dev.mlobservatory", "jackson");
    }
}
