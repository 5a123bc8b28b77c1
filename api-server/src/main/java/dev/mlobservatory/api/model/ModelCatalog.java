package dev.mlobservatory.api.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The model versions the API serves, trained once at start-up. */
public final class ModelCatalog {

    /**
     * Tribuo logs every bagged tree at INFO through java.util.logging; keep a strong reference to its
     * logger (JUL holds them weakly) so the quieter level sticks.
     */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final Map<String, TrainedModel> byVersion;
    private final List<double[]> trainingColumns;

    private ModelCatalog(Map<String, TrainedModel> byVersion, List<double[]> trainingColumns) {
        this.byVersion = byVersion;
        this.trainingColumns = trainingColumns;
    }

    /** Loads the Iris data and trains v1 and v2 (well under a second on a laptop). */
    public static ModelCatalog trainDefault() {
        return train(IrisData.load(), List.of(ModelSpec.v1(), ModelSpec.v2()));
    }

    public static ModelCatalog train(IrisData data, List<ModelSpec> specs) {
        Map<String, TrainedModel> models = new LinkedHashMap<>();
        for (ModelSpec spec : specs) {
            if (models.put(spec.version(), TrainedModel.train(spec, data)) != null) {
                throw new IllegalArgumentException("model version " + spec.version() + " is defined twice");
            }
        }
        return new ModelCatalog(java.util.Collections.unmodifiableMap(models), data.trainingColumns());
    }

    /** The training split's values per feature, in the order of {@link IrisFeatures#NAMES} (the drift reference). */
    public List<double[]> trainingColumns() {
        return trainingColumns.stream().map(double[]::clone).toList();
    }

    public Optional<TrainedModel> find(String version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    public Collection<TrainedModel> all() {
        return byVersion.values();
    }

    public List<String> versions() {
        return List.copyOf(byVersion.keySet());
    }
}
