package dev.mlobservatory.api.http;

import dev.mlobservatory.api.model.IrisData;
import dev.mlobservatory.api.model.IrisFeatures;
import dev.mlobservatory.api.model.ModelCatalog;
import dev.mlobservatory.api.model.TrainedModel;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.List;
import java.util.Map;

/** {@code GET /health} and {@code GET /vN/model}: what is running, and what each model is. */
public final class InfoEndpoints {

    /** The health answer. */
    public record Health(String status, List<String> models, double uptimeSeconds) {
    }

    /** The model card of one version. */
    public record ModelCard(String modelVersion, String description, String trainer,
                            Map<String, Object> hyperParameters, List<String> features, List<String> classes,
                            Dataset dataset, double holdoutAccuracy, long trainingMillis,
                            Map<String, Object> provenance) {
    }

    /** Where the training data came from and how it was split. */
    public record Dataset(String name, String source, String license, int trainSize, int testSize,
                          double trainFraction, long splitSeed) {
    }

    private final ModelCatalog catalog;
    private final long startNanos;

    public InfoEndpoints(ModelCatalog catalog, long startNanos) {
        this.catalog = catalog;
        this.startNanos = startNanos;
    }

    public void health(HttpServerExchange exchange) {
        double uptime = Math.round((System.nanoTime() - startNanos) / 1e6) / 1e3;
        Json.send(exchange, StatusCodes.OK, new Health("ok", catalog.versions(), uptime));
    }

    /** The model card endpoint of one version; the card is built once, it never changes. */
    public Endpoint modelCard(TrainedModel model) {
        ModelCard card = new ModelCard(model.version(), model.spec().description(),
                String.valueOf(model.spec().hyperParameters().get("trainer")),
                model.spec().hyperParameters(), IrisFeatures.NAMES, model.classes(),
                new Dataset("Iris (Fisher, 1936)", "UCI Machine Learning Repository, dataset 53", "CC BY 4.0",
                        model.trainSize(), model.testSize(), IrisData.TRAIN_FRACTION, IrisData.SPLIT_SEED),
                model.accuracy(), model.trainingMillis(), model.provenance());
        return exchange -> Json.send(exchange, StatusCodes.OK, card);
    }
}
