package dev.mlobservatory.api.http;

import static dev.mlobservatory.api.TestApi.flower;
import static dev.mlobservatory.api.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlobservatory.api.TestApi;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PredictionTest {

    private TestApi api;

    @BeforeEach
    void start() {
        api = new TestApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest(name = "{0} row {1},{2},{3},{4} is {5}")
    @CsvSource({
        // Rows of the Iris data, one typical flower of each class, for both versions.
        "v1, 5.1, 3.5, 1.4, 0.2, setosa",
        "v1, 7.0, 3.2, 4.7, 1.4, versicolor",
        "v1, 6.3, 3.3, 6.0, 2.5, virginica",
        "v2, 4.9, 3.0, 1.4, 0.2, setosa",
        "v2, 5.5, 2.3, 4.0, 1.3, versicolor",
        "v2, 7.7, 3.8, 6.7, 2.2, virginica",
    })
    void knownIrisRowsArePredictedRight(String version, double sl, double sw, double pl, double pw, String species) {
        HttpResponse<String> response = api.postJson("/" + version + "/predict", flower(sl, sw, pl, pw));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response);
        assertThat(body.get("prediction").asText()).isEqualTo(species);
        assertThat(body.get("model_version").asText()).isEqualTo(version);
        JsonNode probabilities = body.get("probabilities");
        assertThat(probabilities.fieldNames()).toIterable().containsExactly("setosa", "versicolor", "virginica");
        double sum = probabilities.get("setosa").asDouble() + probabilities.get("versicolor").asDouble()
                + probabilities.get("virginica").asDouble();
        assertThat(sum).isCloseTo(1.0, within(1e-9));
        assertThat(body.get("confidence").asDouble()).isEqualTo(probabilities.get(species).asDouble());
    }

    @Test
    void shallowTreeGivesGradedScoresOnTheVersicolorVirginicaBorder() {
        JsonNode body = json(api.postJson("/v1/predict", flower(6.3, 2.8, 5.1, 1.5)));
        assertThat(body.get("confidence").asDouble()).isStrictlyBetween(0.5, 1.0);
    }

    @Test
    void batchAnswersEveryRowInOrder() {
        String batch = "{\"instances\":[" + flower(5.1, 3.5, 1.4, 0.2) + "," + flower(7.7, 3.8, 6.7, 2.2) + "]}";
        HttpResponse<String> response = api.postJson("/v2/predict", batch);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("model_version").asText()).isEqualTo("v2");
        assertThat(body.get("predictions")).hasSize(2);
        assertThat(body.get("predictions").get(0).get("prediction").asText()).isEqualTo("setosa");
        assertThat(body.get("predictions").get(1).get("prediction").asText()).isEqualTo("virginica");
    }

    @Test
    void aFullBatchOf1000PrettyPrintedRowsIsAccepted() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add("  {\n    \"sepal_length\": 5.1,\n    \"sepal_width\": 3.5,\n    \"petal_length\": 1.4,\n"
                    + "    \"petal_width\": 0.2\n  }");
        }
        String batch = "{\n\"instances\": [\n" + String.join(",\n", rows) + "\n]\n}";
        assertThat(batch.length()).isGreaterThan(PredictRequest.MAX_BODY_BYTES);

        HttpResponse<String> response = api.postJson("/v1/predict", batch);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("predictions")).hasSize(1000);
    }

    @Test
    void healthListsTheModels() {
        HttpResponse<String> response = api.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("models")).extracting(JsonNode::asText).containsExactly("v1", "v2");
        assertThat(body.get("uptime_seconds").asDouble()).isGreaterThanOrEqualTo(0);
    }

    @ParameterizedTest
    @CsvSource({"v1, CARTClassificationTrainer, 2", "v2, RandomForestTrainer, 4"})
    void modelCardDescribesTheModel(String version, String trainer, int depth) {
        HttpResponse<String> response = api.get("/" + version + "/model");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode card = json(response);
        assertThat(card.get("model_version").asText()).isEqualTo(version);
        assertThat(card.get("trainer").asText()).isEqualTo(trainer);
        assertThat(card.get("hyper_parameters").get("max_depth").asInt()).isEqualTo(depth);
        assertThat(card.get("features")).extracting(JsonNode::asText)
                .containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(card.get("classes")).extracting(JsonNode::asText)
                .containsExactly("setosa", "versicolor", "virginica");
        assertThat(card.get("dataset").get("train_size").asInt()).isEqualTo(105);
        assertThat(card.get("dataset").get("test_size").asInt()).isEqualTo(45);
        assertThat(card.get("holdout_accuracy").asDouble()).isBetween(0.85, 1.0);
        assertThat(card.get("provenance").get("class-name").asText()).startsWith("org.tribuo.");
        assertThat(card.get("provenance").get("trainer").toString()).contains("seed");
    }
}
