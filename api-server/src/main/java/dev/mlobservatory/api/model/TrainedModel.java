package dev.mlobservatory.api.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.impl.ArrayExample;

/** A trained, evaluated model version; safe to call from many threads (Tribuo models are immutable). */
public final class TrainedModel {

    private static final String[] FEATURE_NAMES = IrisFeatures.NAMES.toArray(String[]::new);

    private final ModelSpec spec;
    private final Model<Label> model;
    private final double accuracy;
    private final int trainSize;
    private final int testSize;
    private final List<String> classes;
    private final long trainingMillis;

    private TrainedModel(ModelSpec spec, Model<Label> model, double accuracy, int trainSize, int testSize,
                         long trainingMillis) {
        this.spec = spec;
        this.model = model;
        this.accuracy = accuracy;
        this.trainSize = trainSize;
        this.testSize = testSize;
        this.trainingMillis = trainingMillis;
        List<String> names = new ArrayList<>();
        model.getOutputIDInfo().getDomain().forEach(l -> names.add(l.getLabel()));
        names.sort(String::compareTo);
        this.classes = List.copyOf(names);
        for (String feature : FEATURE_NAMES) {
            if (model.getFeatureIDMap().get(feature) == null) {
                throw new IllegalStateException("model " + spec.version() + " was trained without feature " + feature);
            }
        }
    }

    /** Trains the spec's model on the training split and measures its accuracy on the hold-out split. */
    public static TrainedModel train(ModelSpec spec, IrisData data) {
        long start = System.nanoTime();
        Model<Label> model = spec.trainer().get().train(data.train());
        double accuracy = new LabelEvaluator().evaluate(model, data.test()).accuracy();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new TrainedModel(spec, model, accuracy, data.train().size(), data.test().size(), millis);
    }

    public PredictionResult predict(IrisFeatures features) {
        ArrayExample<Label> example = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, FEATURE_NAMES, features.toArray());
        Prediction<Label> prediction = model.predict(example);
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (String c : classes) {
            Label scored = prediction.getOutputScores().get(c);
            probabilities.put(c, scored == null ? 0.0 : scored.getScore());
        }
        Label best = prediction.getOutput();
        return new PredictionResult(best.getLabel(), clamp01(best.getScore()), probabilities);
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    public String version() {
        return spec.version();
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Accuracy on the hold-out split, 0–1. */
    public double accuracy() {
        return accuracy;
    }

    public int trainSize() {
        return trainSize;
    }

    public int testSize() {
        return testSize;
    }

    public List<String> classes() {
        return classes;
    }

    public long trainingMillis() {
        return trainingMillis;
    }

    /** Tribuo's provenance of the model (data, split, trainer, every setting) as plain maps and lists. */
    public Map<String, Object> provenance() {
        return ProvenanceJson.toMap(model.getProvenance());
    }
}
